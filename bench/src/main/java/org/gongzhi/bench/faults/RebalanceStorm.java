package org.gongzhi.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;

/**
 * A rebalance storm under load: two more instances of every service started at once (each joins its service's
 * consumer groups, which rebalance), kept for half the stated time, then stopped gracefully at once (the groups
 * rebalance back). 1 → 3 → 1 instances per service, or N → N + 2 → N.
 */
final class RebalanceStorm implements Scenario {
    private static final int ADDED = 2;

    @Override
    public String name() {
        return "rebalance-storm";
    }

    @Override
    public String fault() {
        return ADDED + " instances of every service added at once, then after half the stated time stopped at once "
                + "(SIGTERM): every consumer group rebalances twice under load";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(120);
    }

    @Override
    public Duration quickDuration() {
        return Duration.ofSeconds(60); // eight JVMs booting at once on two cores take most of it
    }

    @Override
    public Optional<String> unfitFor(LocalSystem system) {
        return Scenario.needsCluster(system);
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<ServiceProcess> added = new ArrayList<>();
        try {
            for (int i = 0; i < ADDED; i++) {
                for (ServiceProcess.Service s : ServiceProcess.Service.values()) {
                    added.add(system.addInstance(s));
                }
            }
            Scenario.allAtOnce(added.stream().<Runnable>map(p -> () -> p.awaitReady(Duration.ofSeconds(180)))
                    .toList());
            Scenario.until(start + duration.toNanos() / 2);
        } finally {
            Scenario.allAtOnce(added.stream().<Runnable>map(p -> p::stop).toList());
        }
        Scenario.until(end);
    }
}
