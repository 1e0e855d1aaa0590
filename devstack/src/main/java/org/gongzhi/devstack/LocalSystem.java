package org.gongzhi.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole system on one machine: devstack plus the four packaged services, each instance its own process (one of
 * each by default; several share their service's database and consumer groups).
 */
public final class LocalSystem implements AutoCloseable {
    private final DevStack stack;
    /** Where the demo partner's webhook receiver listens in the local run (free ports in tests). */
    static final int PARTNER_PORT = 8090;
    /** With fixed ports, instance n of a service listens on its default port + 100 × (n − 1): 8082, 8182, … */
    static final int INSTANCE_PORT_STEP = 100;

    private final Map<ServiceProcess.Service, List<ServiceProcess>> services =
            new EnumMap<>(ServiceProcess.Service.class);
    private final Path repoRoot;
    private final Path logDir;
    private final boolean fixedPorts;
    private final Map<String, String> env = new HashMap<>();
    private PartnerReceiver partner;
    private ServiceJvm jvm = ServiceJvm.current();
    private final Instant began = Instant.now();
    private Duration stackStart = Duration.ZERO;
    private Duration servicesStart = Duration.ZERO;

    private LocalSystem(DevStack stack, Path repoRoot, Path logDir, boolean fixedPorts) {
        this.stack = stack;
        this.repoRoot = repoRoot;
        this.logDir = logDir;
        this.fixedPorts = fixedPorts;
        stack.beforeStop(this::stopServices);
    }

    /**
     * Starts devstack and the services, one instance of each. {@code fixedPorts}: the default ports (8080–8083);
     * otherwise free ones. Extra environment goes to every service.
     */
    public static LocalSystem start(DevStack.Options options, Path repoRoot, Path logDir, boolean fixedPorts,
            Map<String, String> extraEnv) {
        return start(options, repoRoot, logDir, fixedPorts, extraEnv, Map.of());
    }

    /**
     * Starts devstack and {@code instances} of each service (a service not named gets one), each instance its own
     * process with its own port and log ({@code alliance-service-2.log}), and waits until every one is ready.
     */
    public static LocalSystem start(DevStack.Options options, Path repoRoot, Path logDir, boolean fixedPorts,
            Map<String, String> extraEnv, Map<ServiceProcess.Service, Integer> instances) {
        return start(options, repoRoot, logDir, fixedPorts, extraEnv, instances, ServiceJvm.current());
    }

    /** As above, the services on {@code jvm} ({@link ServiceJvm#newest}: the newest JDK with AOT caches). */
    public static LocalSystem start(DevStack.Options options, Path repoRoot, Path logDir, boolean fixedPorts,
            Map<String, String> extraEnv, Map<ServiceProcess.Service, Integer> instances, ServiceJvm jvm) {
        Instant began = Instant.now();
        LocalSystem system = new LocalSystem(DevStack.start(options), repoRoot, logDir, fixedPorts);
        system.stackStart = Duration.between(began, Instant.now());
        system.jvm = jvm;
        try {
            Map<ServiceProcess.Service, Integer> ports = new EnumMap<>(ServiceProcess.Service.class);
            for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
                ports.put(service, system.port(service, 1));
            }
            system.partner = PartnerReceiver.start(fixedPorts ? PARTNER_PORT : FreePorts.next(),
                    logDir.resolve("partner-webhook.log"));
            // the console and the services' links name each service's first instance
            system.env.putAll(consoleEnv(ports));
            // the demo partner's receiver is on this machine: webhooks may go to loopback (never to private networks)
            system.env.put("GONGZHI_WEBHOOKS_ALLOW_LOOPBACK", "true");
            system.env.putAll(demoCommunityEnv());
            system.env.putAll(extraEnv);
            List<ServiceProcess> started = new ArrayList<>();
            for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
                system.services.put(service, new CopyOnWriteArrayList<>());
                int count = instances.getOrDefault(service, 1);
                if (count < 1) {
                    throw new IllegalArgumentException(service.module + " needs at least one instance, not " + count);
                }
                for (int n = 1; n <= count; n++) {
                    started.add(system.startInstance(service, n == 1 ? ports.get(service) : system.port(service, n)));
                }
            }
            List<CompletableFuture<ServiceProcess>> ready = started.stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> s.awaitReady(Duration.ofSeconds(180)))).toList();
            ready.forEach(CompletableFuture::join);
            system.servicesStart = Duration.between(system.began, Instant.now());
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private int port(ServiceProcess.Service service, int instance) {
        return fixedPorts ? service.defaultPort + INSTANCE_PORT_STEP * (instance - 1) : FreePorts.next();
    }

    private ServiceProcess startInstance(ServiceProcess.Service service, int port) {
        List<ServiceProcess> running = services.get(service);
        ServiceProcess instance = new ServiceProcess(stack, repoRoot, service, running.size() + 1, port, logDir, env,
                jvm)
                .start();
        running.add(instance);
        return instance;
    }

    /**
     * Starts one more instance of the service (the next number, its own port and log) and returns it without
     * waiting: {@link ServiceProcess#awaitReady} waits. It joins its service's consumer groups, which rebalance.
     */
    public synchronized ServiceProcess addInstance(ServiceProcess.Service service) {
        return startInstance(service, port(service, services.get(service).size() + 1));
    }

    /**
     * The dispatcher's console is notification-service's page and calls the other three from the browser: it learns
     * their addresses from notification-service, and every service allows the page's origin (CORS).
     */
    static Map<String, String> consoleEnv(Map<ServiceProcess.Service, Integer> ports) {
        int console = ports.get(ServiceProcess.Service.NOTIFICATION);
        return Map.of("GONGZHI_CONSOLE_ORIGINS", "http://localhost:" + console + ",http://127.0.0.1:" + console,
                "GONGZHI_CONSOLE_API_REQUESTS", "http://localhost:" + ports.get(ServiceProcess.Service.REQUEST),
                "GONGZHI_CONSOLE_API_ALLIANCE", "http://localhost:" + ports.get(ServiceProcess.Service.ALLIANCE),
                "GONGZHI_CONSOLE_API_VOLUNTEERS", "http://localhost:" + ports.get(ServiceProcess.Service.VOLUNTEER));
    }

    /**
     * The demo community 和平里's own people and places: its secretary (told of escalations and called to the
     * whistle's joint meetings, by SMS and email to the local sink) and where its joint meetings are held.
     */
    static Map<String, String> demoCommunityEnv() {
        String community = DevTokens.COMMUNITY.toUpperCase(java.util.Locale.ROOT);
        return Map.of("GONGZHI_NOTICES_SECRETARIES_" + community + "_NAME", "王书记",
                "GONGZHI_NOTICES_SECRETARIES_" + community + "_PHONE", "+8613800001001",
                "GONGZHI_NOTICES_SECRETARIES_" + community + "_EMAIL", "secretary@hepingli.example",
                "GONGZHI_MEETINGS_PLACES_" + community, "和平里社区居委会二楼会议室 / community office, 2nd floor");
    }

    /** How long Kafka and PostgreSQL took to be ready, and then the services (every instance ready). */
    public String startupTimes() {
        return "Kafka and PostgreSQL %.1f s, the services %.1f s".formatted(stackStart.toMillis() / 1000.0,
                servicesStart.toMillis() / 1000.0);
    }

    /** The JVM the services run on. */
    public ServiceJvm serviceJvm() {
        return jvm;
    }

    public DevStack stack() {
        return stack;
    }

    /** The service's first instance. */
    public ServiceProcess service(ServiceProcess.Service service) {
        return services.get(service).get(0);
    }

    /** Every instance of the service that was started, first to last (stopped or killed ones included). */
    public List<ServiceProcess> instances(ServiceProcess.Service service) {
        return List.copyOf(services.get(service));
    }

    /** Instance {@code n} (1, 2, …) of the service. */
    public ServiceProcess instance(ServiceProcess.Service service, int n) {
        List<ServiceProcess> all = services.get(service);
        if (n < 1 || n > all.size()) {
            throw new IllegalArgumentException("no " + service.module + " instance " + n + "; there are " + all.size());
        }
        return all.get(n - 1);
    }

    /** The address of the service's first instance. */
    public URI url(ServiceProcess.Service service) {
        return URI.create(service(service).baseUrl());
    }

    public Map<ServiceProcess.Service, URI> urls() {
        Map<ServiceProcess.Service, URI> urls = new EnumMap<>(ServiceProcess.Service.class);
        services.keySet().forEach(s -> urls.put(s, url(s)));
        return urls;
    }

    public void loadDemoCommunity() {
        DemoCommunity demo = DemoCommunity.read();
        // first, so that the day's tasks reach the property company's own system as they are assigned
        demo.registerPartnerWebhook(url(ServiceProcess.Service.NOTIFICATION), partner.url());
        demo.loadInto(urls(), DevTokens.admin());
        DemoCommunity second = DemoCommunity.second();
        second.loadInto(urls(), DevTokens.admin(second.communityId()));
    }

    /** The demo partner's (property management's) own system, which its webhook delivers to. */
    public PartnerReceiver partner() {
        return partner;
    }

    @Override
    public void close() {
        stopServices();
        stack.close();
        if (partner != null) {
            partner.close();
        }
    }

    /**
     * All at once: each takes 7–15 s to leave its consumer groups, and a parallel stream on two cores stopped
     * them two at a time.
     */
    private void stopServices() {
        List<Thread> stopping = services.values().stream().flatMap(List::stream)
                .map(s -> new Thread(s::stop, "devstack-stop-" + s.name())).toList();
        stopping.forEach(Thread::start);
        // Kafka and PostgreSQL stop after this returns: wait for every service, even when interrupted
        boolean interrupted = false;
        for (Thread t : stopping) {
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
    }
}
