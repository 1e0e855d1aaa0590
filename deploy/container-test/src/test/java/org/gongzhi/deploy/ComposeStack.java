package org.gongzhi.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The compose file's services started by Testcontainers on one network, each reachable by its service name as under
 * compose. Compose's {@code depends_on: condition: service_healthy} is done here explicitly: Kafka and PostgreSQL are
 * started first and their own health checks run until they pass; a service is ready when {@code /q/health/ready}
 * answers 200.
 */
final class ComposeStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComposeStack.class);
    static final List<String> INFRASTRUCTURE = List.of("kafka", "postgres");

    private final ComposeFile compose;
    private final Path composeDir;
    private final Map<String, String> mountOverrides;
    private final Map<String, Map<String, String>> extraEnvironment;
    private final Path logDir;
    private final Network network = Network.newNetwork();
    private final Map<String, List<GenericContainer<?>>> replicas = new LinkedHashMap<>();

    /**
     * {@code mountOverrides}: host files to use for a container path instead of the compose file's (the JWT key);
     * {@code extraEnvironment}: per service, variables set beside the compose file's (what the test wants logged).
     */
    ComposeStack(ComposeFile compose, Path composeDir, Map<String, String> mountOverrides,
            Map<String, Map<String, String>> extraEnvironment, Path logDir) {
        this.compose = compose;
        this.logDir = logDir;
        this.composeDir = composeDir;
        this.mountOverrides = mountOverrides;
        this.extraEnvironment = extraEnvironment;
    }

    ComposeStack start() {
        long started = System.nanoTime();
        startTogether(INFRASTRUCTURE);
        LOG.info("kafka and postgres healthy after {} s", (System.nanoTime() - started) / 1_000_000_000);
        startTogether(compose.serviceNames().stream().filter(s -> !INFRASTRUCTURE.contains(s)).toList());
        LOG.info("the compose stack ready after {} s", (System.nanoTime() - started) / 1_000_000_000);
        return this;
    }

    /** Starts one container of each service at once (a parallel stream would start one per core at a time). */
    private void startTogether(List<String> services) {
        ExecutorService starters = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<GenericContainer<?>>> started = new ArrayList<>();
            services.forEach(s -> started.add(starters.submit(() -> startReplica(s))));
            for (Future<GenericContainer<?>> container : started) {
                container.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            starters.shutdownNow();
        }
    }

    /** Starts one more container of {@code service} (compose's {@code --scale}) and waits until it is ready. */
    GenericContainer<?> scaleUp(String service) {
        return startReplica(service);
    }

    private GenericContainer<?> startReplica(String service) {
        int index;
        synchronized (replicas) {
            index = replicas.computeIfAbsent(service, s -> new ArrayList<>()).size() + 1;
        }
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(compose.image(service)))
                .withImagePullPolicy(image -> false)
                .withNetwork(network)
                .withNetworkAliases(service)
                .withEnv(compose.environment(service))
                .withEnv(extraEnvironment.getOrDefault(service, Map.of()))
                .withLogConsumer(new ContainerLog(logDir.resolve(service + "-" + index + ".log")))
                .withStartupTimeout(Duration.ofMinutes(3));
        compose.bindMounts(service).forEach((host, target) -> {
            Path file = mountOverrides.containsKey(target) ? Path.of(mountOverrides.get(target)) : composeDir.resolve(host);
            container.withCopyFileToContainer(MountableFile.forHostPath(file.normalize(), 0755), target);
        });
        List<Integer> ports = compose.containerPorts(service);
        if (!ports.isEmpty()) {
            container.withExposedPorts(ports.toArray(Integer[]::new));
        }
        if (INFRASTRUCTURE.contains(service)) {
            container.waitingFor(new HealthCheck(compose.healthCheck(service)));
        } else {
            container.waitingFor(Wait.forHttp("/q/health/ready").forPort(ports.get(0)).forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)));
        }
        LOG.info("starting {} #{} from {} (log: {})", service, index, compose.image(service),
                logDir.resolve(service + "-" + index + ".log"));
        long started = System.nanoTime();
        container.start();
        LOG.info("{} #{} ready after {} s", service, index, (System.nanoTime() - started) / 1_000_000_000);
        synchronized (replicas) {
            replicas.get(service).add(container);
        }
        return container;
    }

    List<GenericContainer<?>> replicas(String service) {
        synchronized (replicas) {
            return List.copyOf(replicas.getOrDefault(service, List.of()));
        }
    }

    /** The base URL of the first replica, through the port the engine mapped. */
    URI url(String service) {
        return url(replicas(service).get(0), compose.containerPorts(service).get(0));
    }

    URI url(GenericContainer<?> container, String service) {
        return url(container, compose.containerPorts(service).get(0));
    }

    private static URI url(GenericContainer<?> container, int port) {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(port));
    }

    @Override
    public void close() {
        List<String> services = new ArrayList<>(replicas.keySet());
        java.util.Collections.reverse(services);
        for (String service : services) {
            replicas(service).forEach(GenericContainer::stop);
        }
        network.close();
    }

    /** Runs the compose file's health check in the container until it passes (what compose's healthy means). */
    private static final class HealthCheck extends AbstractWaitStrategy {
        private final List<String> command;

        HealthCheck(List<String> command) {
            this.command = command;
            withStartupTimeout(Duration.ofMinutes(3));
        }

        @Override
        protected void waitUntilReady() {
            org.awaitility.Awaitility.await().atMost(startupTimeout).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        ExecResult result = waitStrategyTarget.execInContainer(command.toArray(String[]::new));
                        return result.getExitCode() == 0;
                    });
        }
    }
}
