package org.gongzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service run as its own OS process, as in production. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Service service;
    private final int instance;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private final DevStack stack;
    private final ServiceJvm jvm;
    private ServiceJvm.Start launch;
    private Process process;

    /** The four services, their ports and databases. */
    public enum Service {
        NOTIFICATION("notification-service", 8080, "notifications"),
        REQUEST("request-service", 8081, "requests"),
        ALLIANCE("alliance-service", 8082, "alliance"),
        VOLUNTEER("volunteer-service", 8083, "volunteers");

        public final String module;
        public final int defaultPort;
        public final String database;

        Service(String module, int defaultPort, String database) {
            this.module = module;
            this.defaultPort = defaultPort;
            this.database = database;
        }
    }

    public ServiceProcess(DevStack stack, Path repoRoot, Service service, int port, Path logDir,
            Map<String, String> extraEnv) {
        this(stack, repoRoot, service, 1, port, logDir, extraEnv, ServiceJvm.current());
    }

    /**
     * Instance {@code instance} (1, 2, …) of the service: the first is named after the module
     * ({@code alliance-service}), the others carry their number ({@code alliance-service-2}), and so do their logs.
     */
    public ServiceProcess(DevStack stack, Path repoRoot, Service service, int instance, int port, Path logDir,
            Map<String, String> extraEnv, ServiceJvm jvm) {
        this.stack = stack;
        this.jvm = jvm;
        this.service = service;
        this.instance = instance;
        this.name = instance == 1 ? service.module : service.module + "-" + instance;
        this.jar = repoRoot.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = port;
        this.log = logDir.resolve(name + ".log");
        this.env = new LinkedHashMap<>(stack.serviceEnv(service.database));
        this.env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.env.putAll(extraEnv);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -DskipTests package)");
        }
    }

    /**
     * How every service JVM is sized on a small machine: the serial collector with a heap that starts small and grows
     * only as far as the live data needs (without {@code -Xms} the JVM commits all of {@code -Xmx} at once on a
     * machine with this much memory), bounded metaspace, code cache and thread stacks, and native memory the JIT
     * freed handed back to the system every few seconds (with {@code MALLOC_ARENA_MAX=2} in the environment).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx160m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-XX:TrimNativeHeapInterval=5000");

    public ServiceProcess start() {
        launch = jvm.start(service.module, instance, jar.getParent());
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.addAll(launch.options());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        stack.watch(process);
        return this;
    }

    /** Waits until the service reports ready (database and Kafka included). */
    public ServiceProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleepBriefly();
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    /** Same as {@link #awaitReady(Duration)}: polls {@code /q/health/ready} until it answers 200. */
    public ServiceProcess awaitHealthy(Duration timeout) {
        return awaitReady(timeout);
    }

    /** A graceful stop, then a fresh start of the same jar on the same port (not waiting for readiness). */
    public ServiceProcess restart() {
        stop();
        return start();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code alliance-service} for the first instance, {@code alliance-service-2} for the second, … */
    public String name() {
        return name;
    }

    public Service service() {
        return service;
    }

    /** Which instance of its service this is: 1, 2, … */
    public int instance() {
        return instance;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown, as in a crash. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit();
        launch.discard();
    }

    /**
     * SIGSTOP: the instance is frozen with its connections open, as a process hung in a long GC pause or a stalled
     * VM: it neither answers HTTP (its health probes time out) nor heartbeats to its consumer groups, which give its
     * partitions to the other instances once its session times out. {@link #resume} or {@link #kill} ends it.
     */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}: it goes on where it stopped (and learns it left its groups). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        if (!isAlive()) {
            return;
        }
        Signals.send(process.pid(), signal);
    }

    /**
     * SIGTERM: a graceful stop. A service recording its AOT cache ({@link ServiceJvm}) writes it on the way out, which
     * takes longer than a stop: it is given two minutes, and its cache is kept only if it got there.
     */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        boolean graceful = false;
        try {
            graceful = process.waitFor(launch.recordingCache() ? 120 : 20, TimeUnit.SECONDS);
            if (!graceful) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        waitForExit();
        if (graceful) {
            launch.keep();
        } else {
            launch.discard();
        }
    }

    public long pid() {
        return process.pid();
    }

    private void waitForExit() {
        process.onExit().join();
        stack.forget(process);
    }

    @Override
    public void close() {
        stop();
    }
}
