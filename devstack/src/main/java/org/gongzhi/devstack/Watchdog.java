package org.gongzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Makes sure nothing devstack started outlives the JVM that started it, even when that JVM is killed with SIGKILL
 * and no shutdown hook runs: a detached shell waits for this JVM to die, then signals every process listed in the
 * pid file (re-read at that moment, so processes added later are covered too).
 */
final class Watchdog {
    private final Path pidFile;
    private Process process;

    Watchdog(Path pidFile) {
        this.pidFile = pidFile;
    }

    void start() {
        long parent = ProcessHandle.current().pid();
        String script = """
                tail --pid=%d -f /dev/null 2>/dev/null
                [ -f '%s' ] || exit 0
                while read -r sig pid; do kill -s "$sig" "$pid" 2>/dev/null; done < '%s'
                for i in 1 2 3 4 5 6 7 8 9 10; do
                  alive=0
                  while read -r sig pid; do kill -0 "$pid" 2>/dev/null && alive=1; done < '%s'
                  [ $alive = 0 ] && exit 0
                  sleep 1
                done
                while read -r sig pid; do kill -9 "$pid" 2>/dev/null; done < '%s'
                """.formatted(parent, pidFile, pidFile, pidFile, pidFile);
        try {
            process = new ProcessBuilder("setsid", "bash", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the devstack watchdog", e);
        }
    }

    /** Registers a process to stop with the given signal (TERM, INT) should this JVM die. */
    synchronized void watch(String signal, long pid) {
        append(signal + " " + pid + "\n");
    }

    synchronized void forget(long pid) {
        try {
            if (Files.exists(pidFile)) {
                List<String> kept = Files.readAllLines(pidFile).stream().filter(l -> !l.endsWith(" " + pid)).toList();
                Files.write(pidFile, kept);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills processes a crashed earlier run left behind (they are listed in the pid file it kept). */
    static void killLeftovers(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            for (String line : Files.readAllLines(pidFile)) {
                String[] parts = line.trim().split(" ");
                if (parts.length != 2) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(parts[1]))
                        .filter(p -> p.info().command().map(c -> c.contains("java") || c.contains("postgres"))
                                .orElse(false))
                        .ifPresent(p -> {
                            p.destroyForcibly();
                            p.onExit().join();
                        });
            }
            Files.delete(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private void append(String line) {
        try {
            Files.writeString(pidFile, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
