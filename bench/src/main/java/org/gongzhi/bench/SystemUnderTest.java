package org.gongzhi.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gongzhi.devstack.DevStack;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceJvm;
import org.gongzhi.devstack.ServiceProcess;

/** Where the system is: the services' addresses, Kafka, PostgreSQL, and the processes to watch when local. */
public final class SystemUnderTest implements AutoCloseable {
    public static final List<String> SERVICES = List.of("request-service", "alliance-service", "volunteer-service",
            "notification-service");
    public static final Map<String, String> DATABASES = Map.of("request-service", "requests", "alliance-service",
            "alliance", "volunteer-service", "volunteers", "notification-service", "notifications");

    private final Map<String, URI> urls;
    private final String kafkaBootstrap;
    private final String postgresHostPort;
    private final Map<String, Long> pids;
    private final LocalSystem owned;

    private SystemUnderTest(Map<String, URI> urls, String kafkaBootstrap, String postgresHostPort,
            Map<String, Long> pids, LocalSystem owned) {
        this.urls = urls;
        this.kafkaBootstrap = kafkaBootstrap;
        this.postgresHostPort = postgresHostPort;
        this.pids = pids;
        this.owned = owned;
    }

    /**
     * Starts a whole system on free ports (devstack + the four packaged services) and loads the demo community;
     * {@code statementStats}: PostgreSQL counts every statement (for a profile). The services run as
     * {@code ./gongzhi up} runs them: on the newest JDK with their AOT caches ({@link ServiceJvm#newest}).
     */
    public static SystemUnderTest start(Path repoRoot, Path logDir, Map<String, String> extraEnv,
            boolean statementStats) {
        return start(repoRoot, logDir, extraEnv, statementStats, 1, 1,
                ServiceJvm.newest(repoRoot.resolve(".local/aot")));
    }

    /**
     * As {@link #start(Path, Path, Map, boolean)}, on a Kafka cluster of {@code brokers} (1: one combined node) with
     * {@code instances} of each service, on the JVM devstack runs on (the fault suite: its kills and restarts would
     * only ever record caches).
     */
    public static SystemUnderTest start(Path repoRoot, Path logDir, Map<String, String> extraEnv,
            boolean statementStats, int brokers, int instances) {
        return start(repoRoot, logDir, extraEnv, statementStats, brokers, instances, ServiceJvm.current());
    }

    private static SystemUnderTest start(Path repoRoot, Path logDir, Map<String, String> extraEnv,
            boolean statementStats, int brokers, int instances, ServiceJvm jvm) {
        DevStack.Options options = DevStack.Options.defaults().forLongRuns().withBrokers(brokers);
        Map<ServiceProcess.Service, Integer> counts = new java.util.EnumMap<>(ServiceProcess.Service.class);
        for (ServiceProcess.Service s : ServiceProcess.Service.values()) {
            counts.put(s, instances);
        }
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        // the notices notification-service "sends" go beside the logs, not into the directory the bench was run from
        env.putIfAbsent("GONGZHI_NOTIFICATIONS_SINK_DIR", logDir.toString());
        LocalSystem system = LocalSystem.start(statementStats ? options.withStatementStats() : options, repoRoot,
                logDir, false, env, counts, jvm);
        try {
            system.loadDemoCommunity();
            Map<String, URI> urls = new LinkedHashMap<>();
            Map<String, Long> pids = new LinkedHashMap<>();
            for (ServiceProcess.Service s : ServiceProcess.Service.values()) {
                urls.put(s.module, system.url(s));
                pids.put(s.module, system.service(s).pid());
            }
            pids.put("kafka", system.stack().kafkaPid());
            pids.put("postgresql", system.stack().postgresPid());
            return new SystemUnderTest(urls, system.stack().kafkaBootstrap(),
                    "localhost:" + system.stack().postgresPort(), pids, system);
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** A running system; processes listening on local ports are found with {@code ss -ltnp}. */
    public static SystemUnderTest attach(Map<String, URI> urls, String kafkaBootstrap, String postgresHostPort) {
        Map<String, Long> pids = new LinkedHashMap<>();
        urls.forEach((name, url) -> local(url.getHost(), url.getPort()).ifPresent(pid -> pids.put(name, pid)));
        String[] kafka = kafkaBootstrap.split(",")[0].split(":");
        local(kafka[0], Integer.parseInt(kafka[1])).ifPresent(pid -> pids.put("kafka", pid));
        String[] pg = postgresHostPort.split(":");
        local(pg[0], Integer.parseInt(pg[1])).ifPresent(pid -> pids.put("postgresql", pid));
        return new SystemUnderTest(urls, kafkaBootstrap, postgresHostPort, pids, null);
    }

    private static Optional<Long> local(String host, int port) {
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("::1"))) {
            return Optional.empty();
        }
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes());
            ss.waitFor(5, TimeUnit.SECONDS);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid=(\\d+)").matcher(out);
            return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public URI url(String service) {
        return urls.get(service);
    }

    public Map<String, URI> urls() {
        return urls;
    }

    /**
     * The addresses of every running instance of the service (a system the bench started itself), else its one
     * address: a load spread over them as a balancer would.
     */
    public List<URI> instanceUrls(String service) {
        if (owned != null) {
            for (ServiceProcess.Service s : ServiceProcess.Service.values()) {
                if (s.module.equals(service)) {
                    List<URI> running = owned.instances(s).stream().filter(ServiceProcess::isAlive)
                            .map(i -> URI.create(i.baseUrl())).toList();
                    return running.isEmpty() ? List.of(urls.get(service)) : running;
                }
            }
        }
        return List.of(urls.get(service));
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHostPort + "/" + database;
    }

    /** Local processes by name: the services, {@code kafka}, {@code postgresql} (the postmaster). */
    public Map<String, Long> pids() {
        return pids;
    }

    public boolean selfStarted() {
        return owned != null;
    }

    /** The JVM the services run on, for the report ({@code "?"} when the bench did not start them). */
    public String serviceJvm() {
        return owned != null ? owned.serviceJvm().describe() : "?";
    }

    /** The system the bench started itself, for those who act on its processes (the fault suite). */
    public Optional<LocalSystem> local() {
        return Optional.ofNullable(owned);
    }

    public Optional<Path> log(String service) {
        if (owned == null) {
            return Optional.empty();
        }
        for (ServiceProcess.Service s : ServiceProcess.Service.values()) {
            if (s.module.equals(service)) {
                Path log = owned.service(s).log();
                return Files.exists(log) ? Optional.of(log) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
