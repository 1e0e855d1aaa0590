package org.gongzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One Kafka KRaft node run as its own JVM: a broker, a controller, or both in one (the single-broker stack). It keeps
 * its configuration, data and log, so it can be stopped, killed, paused and started again on the same ports and data.
 */
final class KafkaNode {
    private final String name;
    private final int nodeId;
    private final Path config;
    private final Path data;
    private final Path log;
    private final List<String> properties;
    private final Function<String[], ProcessBuilder> java;
    private final Watchdog watchdog;
    private Process process;

    /**
     * {@code java} builds the command of a Kafka entry point (main class and arguments) on the broker's classpath;
     * {@code properties} are the lines of its {@code config} file ({@code server.properties}), without
     * {@code log.dirs}, which is {@code data}.
     */
    KafkaNode(String name, int nodeId, Path config, Path data, Path log, List<String> properties,
            Function<String[], ProcessBuilder> java, Watchdog watchdog) {
        this.name = name;
        this.nodeId = nodeId;
        this.config = config;
        this.data = data;
        this.log = log;
        this.properties = properties;
        this.java = java;
        this.watchdog = watchdog;
    }

    String name() {
        return name;
    }

    int nodeId() {
        return nodeId;
    }

    Path log() {
        return log;
    }

    /** Formats the node's storage with the cluster's id unless it was formatted before (kept data), then starts it. */
    synchronized void start(String clusterId) {
        try {
            Files.createDirectories(config.getParent());
            Files.writeString(config, String.join("\n", properties) + "\nlog.dirs=" + data + "\n");
            if (!Files.exists(data.resolve("meta.properties"))) {
                Process format = java.apply(new String[] {"kafka.tools.StorageTool", "format", "-t", clusterId,
                        "-c", config.toString()}).redirectOutput(log.toFile()).redirectErrorStream(true).start();
                if (format.waitFor() != 0) {
                    throw new IllegalStateException("formatting " + name + "'s storage failed; see " + log);
                }
            }
            process = java.apply(new String[] {"kafka.Kafka", config.toString()})
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true)
                    .start();
            watchdog.watch("TERM", process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /** SIGTERM and a wait for a clean exit (SIGKILL after {@code timeoutSeconds}); a paused node is resumed first. */
    synchronized void stop(int timeoutSeconds) {
        if (!isAlive()) {
            return;
        }
        signal("CONT");
        process.destroy();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        watchdog.forget(process.pid());
    }

    /** SIGKILL: the node dies at once, as in a crash or a machine lost; its data stays for a restart. */
    synchronized void kill() {
        if (!isAlive()) {
            return;
        }
        process.destroyForcibly();
        process.onExit().join();
        watchdog.forget(process.pid());
    }

    /** SIGSTOP ({@code STOP}) or SIGCONT ({@code CONT}): the process freezes or goes on, its sockets left open. */
    synchronized void signal(String signal) {
        if (!isAlive()) {
            return;
        }
        Signals.send(process.pid(), signal);
    }
}
