package org.gongzhi.bench.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.gongzhi.bench.SystemUnderTest;
import org.gongzhi.devstack.ConsumerLag;
import org.gongzhi.devstack.DevStack;

/**
 * When the system has recovered from an injection: every consumer group's lag back to zero, no outbox row unsent, no
 * webhook message waiting for a retry. Each look opens its own connections, since the ones from before a database or
 * broker restart are dead.
 */
final class Recovery {
    private final SystemUnderTest system;

    Recovery(SystemUnderTest system) {
        this.system = system;
    }

    /** How long it took from now to recover, or empty when it did not within {@code max}. */
    Optional<Duration> await(Duration max) {
        long start = System.nanoTime();
        int settled = 0;
        while (System.nanoTime() - start < max.toNanos()) {
            // twice in a row: a group commits every few seconds, and a moment of zero may precede a retry's work
            settled = settled(start) ? settled + 1 : 0;
            if (settled == 2) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            pause(1000);
        }
        return Optional.empty();
    }

    private boolean settled(long since) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000))) {
            for (String group : ConsumerLag.GROUPS) {
                if (ConsumerLag.of(admin, group) > 0) {
                    return false;
                }
            }
        } catch (Exception brokerAway) {
            return false;
        }
        for (String db : SystemUnderTest.DATABASES.values()) {
            if (count(db, "select count(*) from outbox_event where sent_at is null") != 0) {
                return false;
            }
        }
        return count("notifications", "select count(*) from webhook_delivery where status = 'PENDING'") == 0;
    }

    private long count(String db, String sql) {
        try (Connection c = DriverManager.getConnection(system.jdbcUrl(db), DevStack.USER, DevStack.PASSWORD);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception databaseAway) {
            return -1;
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
