package org.gongzhi.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The whole system on one machine: devstack plus the four packaged services, each its own process. */
public final class LocalSystem implements AutoCloseable {
    private final DevStack stack;
    /** Where the demo partner's webhook receiver listens in the local run (free ports in tests). */
    static final int PARTNER_PORT = 8090;

    private final Map<ServiceProcess.Service, ServiceProcess> services = new EnumMap<>(ServiceProcess.Service.class);
    private PartnerReceiver partner;

    private LocalSystem(DevStack stack) {
        this.stack = stack;
        stack.beforeStop(this::stopServices);
    }

    /**
     * Starts devstack and the services. {@code fixedPorts}: the default ports (8080–8083); otherwise free ones.
     * Extra environment goes to every service.
     */
    public static LocalSystem start(DevStack.Options options, Path repoRoot, Path logDir, boolean fixedPorts,
            Map<String, String> extraEnv) {
        LocalSystem system = new LocalSystem(DevStack.start(options));
        try {
            Map<ServiceProcess.Service, Integer> ports = new EnumMap<>(ServiceProcess.Service.class);
            for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
                ports.put(service, fixedPorts ? service.defaultPort : FreePorts.next());
            }
            system.partner = PartnerReceiver.start(fixedPorts ? PARTNER_PORT : FreePorts.next(),
                    logDir.resolve("partner-webhook.log"));
            Map<String, String> env = new HashMap<>(consoleEnv(ports));
            // the demo partner's receiver is on this machine: webhooks may go to loopback (never to private networks)
            env.put("GONGZHI_WEBHOOKS_ALLOW_LOOPBACK", "true");
            env.putAll(demoCommunityEnv());
            env.putAll(extraEnv);
            for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
                system.services.put(service, new ServiceProcess(system.stack, repoRoot, service, ports.get(service),
                        logDir, env).start());
            }
            List<CompletableFuture<ServiceProcess>> ready = system.services.values().stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> s.awaitReady(Duration.ofSeconds(120)))).toList();
            ready.forEach(CompletableFuture::join);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
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

    public DevStack stack() {
        return stack;
    }

    public ServiceProcess service(ServiceProcess.Service service) {
        return services.get(service);
    }

    public URI url(ServiceProcess.Service service) {
        return URI.create(services.get(service).baseUrl());
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
     * All four at once: each takes 7–15 s to leave its consumer groups, and a parallel stream on two cores stopped
     * them two at a time.
     */
    private void stopServices() {
        List<Thread> stopping = services.entrySet().stream()
                .map(e -> new Thread(e.getValue()::stop, "devstack-stop-" + e.getKey())).toList();
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
