package org.gongzhi.bench.faults;

import java.time.Duration;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;

/**
 * A rolling restart, as a deployment does it: each instance of each service stopped gracefully, started, ready, then
 * the next.
 */
final class RollingRestart implements Scenario {
    @Override
    public String name() {
        return "rolling-restart";
    }

    @Override
    public String fault() {
        return "every instance of every service stopped gracefully (SIGTERM) and started, one after another, each "
                + "ready before the next";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(90);
    }

    @Override
    public Duration quickDuration() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        for (ServiceProcess.Service s : ServiceProcess.Service.values()) {
            for (ServiceProcess instance : Scenario.running(system, s)) {
                instance.restart().awaitReady(Duration.ofSeconds(180));
            }
        }
        Scenario.until(end);
    }
}
