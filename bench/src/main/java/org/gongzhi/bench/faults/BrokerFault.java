package org.gongzhi.bench.faults;

import java.time.Duration;
import org.gongzhi.devstack.LocalSystem;

/**
 * A broker gone under load — the one broker, or one of a cluster's: SIGKILLed mid-burst and started again on its data
 * after the stated time, or frozen with SIGSTOP (a long GC pause, a stalled VM) for the stated time and resumed with
 * SIGCONT. On a cluster the other two keep every partition writable (two of three in sync).
 */
final class BrokerFault implements Scenario {
    /** The first broker: the only one, or one of three (brokers-below-isr cuts two). */
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
        return pause ? "a broker SIGSTOPped for the stated time, then SIGCONT"
                : "a broker SIGKILLed mid-burst, started again on its data after the stated time";
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
