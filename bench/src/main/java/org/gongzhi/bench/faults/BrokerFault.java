package org.gongzhi.bench.faults;

import java.time.Duration;
import org.gongzhi.devstack.LocalSystem;

/**
 * The one broker gone under load: SIGKILLed mid-burst and started again on its data after the stated time, or frozen
 * with SIGSTOP (a long GC pause, a stalled VM) for the stated time and resumed with SIGCONT.
 */
final class BrokerFault implements Scenario {
    /** Today's one broker; with a cluster (DevStack.Options.withBrokers) a scenario per broker count slots in. */
    private static final int BROKER = 1;
    private final boolean pause;

    private BrokerFault(boolean pause) {
        this.pause = pause;
    }

    static BrokerFault killed() {
        return new BrokerFault(false);
    }

    static BrokerFault paused() {
        return new BrokerFault(true);
    }

    @Override
    public String name() {
        return pause ? "broker-pause" : "broker-kill";
    }

    @Override
    public String fault() {
        return pause ? "the broker SIGSTOPped for the stated time, then SIGCONT"
                : "the broker SIGKILLed mid-burst, started again on its data after the stated time";
    }

    @Override
    public Duration duration() {
        return pause ? Duration.ofSeconds(20) : Duration.ofSeconds(10);
    }

    @Override
    public Duration quickDuration() {
        return pause ? Duration.ofSeconds(10) : Duration.ofSeconds(5);
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        if (pause) {
            system.stack().pauseBroker(BROKER);
            try {
                Scenario.until(end);
            } finally {
                system.stack().resumeBroker(BROKER);
            }
        } else {
            system.stack().killBroker(BROKER);
            Scenario.until(end);
            system.stack().restartBroker(BROKER);
        }
    }
}
