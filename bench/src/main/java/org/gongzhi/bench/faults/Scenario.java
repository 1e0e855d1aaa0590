package org.gongzhi.bench.faults;

import java.time.Duration;
import java.util.Set;
import org.gongzhi.devstack.LocalSystem;

/**
 * One fault the suite injects while the load runs. {@link #inject} takes the stated time (or the quick one) and leaves
 * every process it touched running again; the suite then waits for the system to recover and runs the checker. New
 * faults (a broker of three cut, a rebalance storm, a stuck consumer) slot in as further implementations.
 */
public interface Scenario {
    /** The name {@code --only} selects it by. */
    String name();

    /** What is done to the system, in a line. */
    String fault();

    /** How long the injection lasts in the full run. */
    Duration duration();

    /** How long it lasts with {@code --quick}. */
    Duration quickDuration();

    /** Injects the fault for {@code duration}, starting now, and puts back what it took away. */
    void inject(LocalSystem system, Duration duration) throws Exception;

    /** The CloudEvents ids of the records this scenario put on the topics on purpose, which must be dead-lettered. */
    default Set<String> expectedDeadLetters() {
        return Set.of();
    }

    /** Takes away what the scenario set up for itself, once the checker has read the system. */
    default void cleanUp(LocalSystem system) {
    }

    /** Sleeps until {@code deadline} (System.nanoTime), the rest of a scenario's stated time. */
    static void until(long deadline) throws InterruptedException {
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
