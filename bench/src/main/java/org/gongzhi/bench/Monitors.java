package org.gongzhi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.gongzhi.devstack.ConsumerLag;

/**
 * What the system uses while a run lasts, sampled every second: consumer lag per group, outbox backlog per database,
 * and each local process's CPU time and resident memory (from /proc).
 */
public final class Monitors implements AutoCloseable {
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    /** A run's figures. CPU in seconds; memory in kB. */
    public record Result(double seconds, Map<String, Double> cpuSeconds, Map<String, Long> peakRssKb,
            Map<String, Long> maxRssDuringRunKb, Map<String, Long> lagMax, Map<String, Long> lagEnd,
            Map<String, Long> outboxMax, Map<String, Long> outboxEnd, String loadBefore, String loadAfter) {
    }

    private final SystemUnderTest system;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Admin admin;
    private final Map<String, Connection> databases = new LinkedHashMap<>();
    private Map<String, Long> cpuStart;
    private long startNanos;
    private String loadBefore;
    private volatile boolean sampling;
    private Thread sampler;
    private final Map<String, Long> lagMax = new LinkedHashMap<>();
    private final Map<String, Long> lagLast = new LinkedHashMap<>();
    private final Map<String, Long> outboxMax = new LinkedHashMap<>();
    private final Map<String, Long> outboxLast = new LinkedHashMap<>();
    private final Map<String, Long> rssMax = new LinkedHashMap<>();

    public Monitors(SystemUnderTest system) {
        this.system = system;
        this.pids.putAll(system.pids());
        this.pids.put("load generator (bench)", ProcessHandle.current().pid());
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        this.admin = Admin.create(p);
        SystemUnderTest.DATABASES.values().forEach(db -> {
            try {
                databases.put(db, DriverManager.getConnection(system.jdbcUrl(db), "gongzhi", "gongzhi"));
            } catch (SQLException e) {
                System.err.println("outbox backlog of " + db + " not measured: " + e.getMessage());
            }
        });
    }

    public Map<String, Long> pids() {
        return pids;
    }

    public synchronized void begin() {
        cpuStart = cpuTicks();
        startNanos = System.nanoTime();
        loadBefore = loadAverage();
        lagMax.clear();
        outboxMax.clear();
        rssMax.clear();
        sampling = true;
        sampler = Probes.daemon("bench-monitor", () -> {
            while (sampling) {
                sample();
                Probes.sleep(1000);
            }
        });
    }

    public Result end() {
        sampling = false;
        try {
            sampler.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        synchronized (this) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            Map<String, Long> cpuEnd = cpuTicks();
            Map<String, Double> cpu = new LinkedHashMap<>();
            cpuEnd.forEach((k, v) -> cpu.put(k, (v - cpuStart.getOrDefault(k, v)) / (double) CLOCK_TICKS));
            Map<String, Long> hwm = new LinkedHashMap<>();
            pids.forEach((name, pid) -> status(pid, "VmHWM").ifPresent(kb -> hwm.put(name, kb)));
            return new Result(seconds, cpu, hwm, new LinkedHashMap<>(rssMax), new LinkedHashMap<>(lagMax),
                    new LinkedHashMap<>(lagLast), new LinkedHashMap<>(outboxMax), new LinkedHashMap<>(outboxLast),
                    loadBefore, loadAverage());
        }
    }

    /**
     * Waits until the system has caught up with earlier load (no consumer lag, no unsent outbox row), so one run's
     * backlog does not spill into the next; answers the seconds waited, or -1 when it did not settle in time.
     */
    public double awaitIdle(java.time.Duration max) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < max.toNanos()) {
            sample();
            boolean idle;
            synchronized (this) {
                idle = lagLast.values().stream().allMatch(v -> v == 0)
                        && outboxLast.values().stream().allMatch(v -> v == 0);
            }
            if (idle) {
                return (System.nanoTime() - start) / 1e9;
            }
            Probes.sleep(1000);
        }
        return -1;
    }

    private synchronized void sample() {
        for (String group : ConsumerLag.GROUPS) {
            try {
                long lag = ConsumerLag.of(admin, group);
                lagLast.put(group, lag);
                lagMax.merge(group, lag, Math::max);
            } catch (Exception e) {
                // a group that does not exist (yet) has no lag
            }
        }
        databases.forEach((db, c) -> {
            try (ResultSet rs = c.createStatement()
                    .executeQuery("select count(*) from outbox_event where sent_at is null")) {
                rs.next();
                long n = rs.getLong(1);
                outboxLast.put(db, n);
                outboxMax.merge(db, n, Math::max);
            } catch (SQLException e) {
                // not this service's database layout
            }
        });
        pids.forEach((name, pid) -> status(pid, "VmRSS").ifPresent(kb -> rssMax.merge(name, kb, Math::max)));
    }

    /** utime + stime of each process; for PostgreSQL the postmaster, its finished children and its live ones. */
    private Map<String, Long> cpuTicks() {
        Map<String, Long> m = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long[] s = stat(pid);
            if (s == null) {
                return;
            }
            long ticks = s[1] + s[2];
            if (name.equals("postgresql")) {
                ticks += s[3] + s[4] + children(pid);
            }
            m.put(name, ticks);
        });
        return m;
    }

    private static long children(long parent) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .map(Long::parseLong).mapToLong(pid -> {
                        long[] s = stat(pid);
                        return s != null && s[0] == parent ? s[1] + s[2] : 0;
                    }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** [ppid, utime, stime, cutime, cstime] from /proc/pid/stat, or null. */
    static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static java.util.Optional<Long> status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return java.util.Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not a local process
        }
        return java.util.Optional.empty();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        admin.close();
        databases.values().forEach(c -> {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        });
    }
}
