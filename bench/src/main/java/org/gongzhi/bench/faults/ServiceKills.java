package org.gongzhi.bench.faults;

import java.time.Duration;
import java.util.List;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;

/**
 * One instance of each service SIGKILLed every 20 s, the four services a few seconds apart, and started again at once
 * (as a supervisor would); a kill may land while the previous start is still booting. With several instances, each
 * round kills the next instance of each service, so the others keep serving.
 */
final class ServiceKills implements Scenario {
    private static final Duration EVERY = Duration.ofSeconds(20);

    @Override
    public String name() {
        return "service-kill";
    }

    @Override
    public String fault() {
        return "an instance of each service SIGKILLed every 20 s (staggered by 5 s) and restarted at once";
    }

    @Override
    public Duration duration() {
        return Duration.ofMinutes(2);
    }

    @Override
    public Duration quickDuration() {
        return EVERY; // one kill per service
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ServiceProcess.Service[] services = ServiceProcess.Service.values();
        long stagger = EVERY.toNanos() / services.length;
        int round = 0;
        for (long at = start; at < end; at += EVERY.toNanos(), round++) {
            for (int i = 0; i < services.length; i++) {
                Scenario.until(at + i * stagger);
                List<ServiceProcess> instances = Scenario.running(system, services[i]);
                ServiceProcess s = instances.isEmpty() ? system.service(services[i])
                        : instances.get(round % instances.size());
                s.kill();
                s.start();
            }
        }
        Scenario.until(end);
        for (ServiceProcess.Service s : services) {
            for (ServiceProcess instance : Scenario.running(system, s)) {
                instance.awaitReady(Duration.ofSeconds(180));
            }
        }
    }
}
