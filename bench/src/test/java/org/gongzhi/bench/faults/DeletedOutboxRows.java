package org.gongzhi.bench.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.gongzhi.devstack.DevStack;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.events.EventType;

/**
 * Breaks "a 201 is never lost" from outside: while the broker is away (so the relay cannot publish), the newest
 * unsent {@code request.submitted} rows of request-service's outbox are deleted, as a relay that marked rows sent
 * before the broker's acknowledgement would lose them. Those requests were answered 201 and never go further.
 */
final class DeletedOutboxRows implements Scenario {
    private static final int HOW_MANY = 3;

    @Override
    public String name() {
        return "outbox-rows-deleted";
    }

    @Override
    public String fault() {
        return "the broker stopped, the " + HOW_MANY + " newest unsent request.submitted outbox rows deleted, "
                + "the broker started again";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration quickDuration() {
        return duration();
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        system.stack().stopKafka();
        try {
            Thread.sleep(duration.toMillis()); // requests keep being accepted into the outbox meanwhile
            try (Connection c = DriverManager.getConnection(system.stack().jdbcUrl("requests"), DevStack.USER,
                    DevStack.PASSWORD); var delete = c.prepareStatement("""
                            delete from outbox_event where seq in (select seq from outbox_event
                                where sent_at is null and event_type = ? order by seq desc limit ?)""")) {
                delete.setString(1, EventType.REQUEST_SUBMITTED.ceType());
                delete.setInt(2, HOW_MANY);
                if (delete.executeUpdate() == 0) {
                    throw new IllegalStateException("no unsent request.submitted row to delete");
                }
            }
        } finally {
            system.stack().restartKafka();
        }
    }
}
