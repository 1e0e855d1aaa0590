package org.gongzhi.bench.faults;

import java.time.Duration;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;

/**
 * Each service's instance SIGKILLed every 20 s, the four a few seconds apart, and started again at once (as a
 * supervisor would); a kill may land while the previous start is still booting.
 */
final class ServiceKills implements Scenario {
    private static final Duration EVERY = Duration.ofSeconds(20);

    @Override
    public String name() {
        return "service-kill";
    }

    @Override
    public String fault() {
        return "each service SIGKILLed every 20 s (staggered by 5 s) and restarted at once";
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
        for (long round = start; round < end; round += EVERY.toNanos()) {
            for (int i = 0; i < services.length; i++) {
                Scenario.until(round + i * stagger);
                ServiceProcess s = system.service(services[i]);
                s.kill();
                s.start();
            }
        }
        Scenario.until(end);
        for (ServiceProcess.Service s : services) {
            system.service(s).awaitReady(Duration.ofSeconds(180));
        }
    }
}
