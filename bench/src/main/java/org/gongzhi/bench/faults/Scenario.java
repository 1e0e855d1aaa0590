package org.gongzhi.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;

/**
 * One fault the suite injects while the load runs. {@link #inject} takes the stated time (or the quick one) and leaves
 * every process it touched running again; the suite then waits for the system to recover and runs the checker. Some
 * need a cluster ({@code --brokers 3 --instances 2}) and say so in {@link #unfitFor}.
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

    /** Why this scenario cannot run on {@code system} (it needs more brokers or instances), or empty when it can. */
    default Optional<String> unfitFor(LocalSystem system) {
        return Optional.empty();
    }

    /**
     * Empty when {@code system} is a cluster of at least three brokers with at least two running instances of every
     * service, else what is missing.
     */
    static Optional<String> needsCluster(LocalSystem system) {
        boolean instances = Arrays.stream(ServiceProcess.Service.values())
                .allMatch(s -> running(system, s).size() >= 2);
        return system.stack().brokerCount() >= 3 && instances ? Optional.empty()
                : Optional.of("needs a cluster of three brokers and two instances of each service "
                        + "(./gongzhi faults --brokers 3 --instances 2)");
    }

    /** The service's instances that run now (not those a scenario stopped for good). */
    static List<ServiceProcess> running(LocalSystem system, ServiceProcess.Service service) {
        return system.instances(service).stream().filter(ServiceProcess::isAlive).toList();
    }

    /**
     * Runs every step at once, each on a thread of its own (they wait: for a process to start or stop, a broker to
     * rejoin), and returns when all have ended; the first failure is thrown.
     */
    static void allAtOnce(List<Runnable> steps) {
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (Runnable step : steps) {
            Thread t = new Thread(() -> {
                try {
                    step.run();
                } catch (Throwable e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                }
            }, "faults-step");
            t.start();
            threads.add(t);
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
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
