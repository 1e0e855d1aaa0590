package org.gongzhi.bench.faults;

import java.time.Duration;
import org.gongzhi.devstack.LocalSystem;

/** PostgreSQL away under the services: a fast shutdown for the stated time, or a SIGKILL of the postmaster. */
final class PostgresOutage implements Scenario {
    private final boolean crash;

    private PostgresOutage(boolean crash) {
        this.crash = crash;
    }

    static PostgresOutage stopped() {
        return new PostgresOutage(false);
    }

    static PostgresOutage killed() {
        return new PostgresOutage(true);
    }

    @Override
    public String name() {
        return crash ? "postgres-kill" : "postgres-stop";
    }

    @Override
    public String fault() {
        return crash ? "PostgreSQL's postmaster SIGKILLed, started again (crash recovery) after the stated time"
                : "PostgreSQL stopped (fast shutdown) for the stated time, then started on the same data";
    }

    @Override
    public Duration duration() {
        return crash ? Duration.ofSeconds(10) : Duration.ofSeconds(30);
    }

    @Override
    public Duration quickDuration() {
        return crash ? Duration.ofSeconds(5) : Duration.ofSeconds(10);
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        if (crash) {
            system.stack().killPostgres();
        } else {
            system.stack().stopPostgres();
        }
        Scenario.until(end);
        system.stack().restartPostgres();
    }
}
