package org.gongzhi.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.gongzhi.devstack.ServiceProcess;

/** {@code ./gongzhi bench}: the open-model load, the measured stages, the machine's own limits, the report. */
public final class Bench {
    private static final double RAMP_P99_LIMIT_US = 1_000_000;

    private Bench() {
    }

    /** What a bench produced: the report and the figures in it. */
    public record Outcome(Path report, List<LoadRun> runs, List<LoadRun> rampSteps, Integer sustainableRate,
            RawLimits.PgResult postgres, List<RawLimits.KafkaResult> kafka) {
    }

    public static void main(String[] args) {
        if (Help.asked(args)) {
            System.out.print(BenchOptions.USAGE);
            System.exit(0);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Path report = run(options, System.out).report();
        System.out.println("report: " + report);
        System.exit(0);
    }

    /** Runs everything the options ask for and answers the report file. */
    public static Outcome run(BenchOptions o, PrintStream out) {
        Path dir = o.reportsDir().resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jfrDir = dir.resolve("jfr");
        Map<String, String> env = new LinkedHashMap<>();
        if (o.jfr()) {
            try {
                Files.createDirectories(jfrDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            env.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + jfrDir);
        }
        String loadAtStart = Monitors.loadAverage();
        out.println("starting" + (o.self() ? " a system (Kafka, PostgreSQL, four services) from " + o.repoRoot()
                : " against " + o.targets()) + " — load average " + loadAtStart);
        SystemUnderTest system = o.self() ? SystemUnderTest.start(o.repoRoot(), dir.resolve("logs"), env, o.statements())
                : SystemUnderTest.attach(o.targets(), o.kafkaBootstrap(), o.postgres());
        List<LoadRun> runs = new ArrayList<>();
        List<LoadRun> steps = new ArrayList<>();
        Integer sustainable = null;
        String rampStop = "";
        RawLimits.PgResult pg = null;
        List<RawLimits.KafkaResult> kafka = new ArrayList<>();
        Map<String, Long> pids;
        String postgresVersion = "?";
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        Tracker tracker = new Tracker();
        List<String> profile = new ArrayList<>();
        List<String> lent = new ArrayList<>();
        try (Probes probes = new Probes(system, tracker); Monitors monitors = new Monitors(system)) {
            pids = monitors.pids();
            postgresVersion = postgresVersion(system);
            probes.start();
            probes.awaitStreamQuiet(Duration.ofSeconds(60));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Workload workload = new Workload(42, 2_000);
            if (o.warmup().toSeconds() > 0) {
                out.println("warming up: " + o.warmupRate() + " req/s for " + o.warmup().toSeconds()
                        + " s (not reported)");
                new LoadRun("warmup", o.warmupRate(), o.warmup()).execute(http, system, workload, tracker,
                        monitors, Duration.ofSeconds(5), dir, out);
            }
            // PostgreSQL's work per accepted request: from a settled system (the warm-up's backlog done) to a settled
            // system (the last run's consumers caught up), so the window holds exactly the measured requests' work
            settle(monitors, out);
            PgStatements.Snapshot pgBefore = PgStatements.snapshot(system.jdbcUrl("postgres"), pids.get("postgresql"));
            if (!o.ramp() || o.ratesGiven()) {
                for (int rate : o.rates()) {
                    settle(monitors, out);
                    out.println("run: " + rate + " req/s for " + o.duration().toSeconds() + " s");
                    LoadRun r = new LoadRun("rate-" + rate, rate, o.duration()).execute(http, system, workload,
                            tracker, monitors, o.drain(), dir, out);
                    runs.add(r);
                    out.println(summary(r));
                }
            }
            if (o.ramp()) {
                int rate = o.rampStart();
                while (rate <= o.rampMax()) {
                    settle(monitors, out);
                    out.println("ramp step: " + rate + " req/s for " + o.stepDuration().toSeconds() + " s");
                    LoadRun r = new LoadRun("ramp-" + rate, rate, o.stepDuration()).execute(http, system, workload,
                            tracker, monitors, o.drain(), dir, out);
                    steps.add(r);
                    out.println(summary(r));
                    long p99 = r.assigned.total().getTotalCount() == 0 ? Long.MAX_VALUE
                            : r.assigned.total().getValueAtPercentile(99);
                    if (r.errorCount() > 0 || r.missingAssigned > 0 || r.missingDashboard > 0) {
                        rampStop = "stopped at " + rate + " req/s: " + r.errorCount() + " errors, "
                                + r.missingAssigned + " assignments and " + r.missingDashboard
                                + " dashboard events not seen within the drain time";
                        break;
                    }
                    if (p99 > RAMP_P99_LIMIT_US) {
                        rampStop = "stopped at " + rate + " req/s: p99 submit → assigned "
                                + Report.fmt(p99 / 1000.0) + " ms > 1 s";
                        break;
                    }
                    sustainable = rate;
                    rate = rate < 200 ? rate * 2 : rate < 1000 ? rate + 200 : rate + 500;
                    rampStop = "reached --ramp-max " + o.rampMax() + " req/s";
                }
            }
            long accepted = Stream.concat(runs.stream(), steps.stream()).mapToLong(r -> r.accepted.get()).sum();
            settle(monitors, out);
            lent.addAll(LentConnections.check(system.urls()));
            lent.forEach(line -> out.println("  " + line));
            profile.addAll(PgStatements.perRequest(pgBefore,
                    PgStatements.snapshot(system.jdbcUrl("postgres"), pids.get("postgresql")), accepted, 40));
            int recordBytes = probes.meanSubmittedRecordBytes(700);
            out.println("limits: PostgreSQL intake transaction, " + o.pgConcurrency() + " connections, "
                    + o.limitDuration().toSeconds() + " s");
            pg = RawLimits.postgresIntake(system.jdbcUrl("requests"), o.pgConcurrency(), o.limitDuration(),
                    recordBytes);
            out.println("  " + Report.fmt(pg.perSecond()) + " tx/s" + (pg.error() == null ? "" : " " + pg.error()));
            List<Integer> kafkaRates = new ArrayList<>(runs.stream().map(r -> r.rate).distinct().toList());
            if (sustainable != null && !kafkaRates.contains(sustainable)) {
                kafkaRates.add(sustainable);
            }
            if (kafkaRates.isEmpty()) {
                kafkaRates.add(o.rampStart());
            }
            for (int rate : kafkaRates) {
                out.println("limits: Kafka round trip at " + rate + " rec/s × " + recordBytes + " B");
                RawLimits.KafkaResult k = RawLimits.kafkaRoundTrip(system.kafkaBootstrap(), rate, recordBytes,
                        o.limitDuration(), 6);
                kafka.add(k);
                out.println("  p50 " + Report.ms(k.latency(), 50) + " ms, p99 " + Report.ms(k.latency(), 99) + " ms"
                        + (k.error() == null ? "" : " " + k.error()));
            }
        } finally {
            system.close();
            executor.shutdownNow();
        }
        if (o.jfr()) {
            profile.addAll(profiles(jfrDir, pids));
        }
        List<String> header = header(o, system, pids, postgresVersion, loadAtStart);
        List<String> notes = new ArrayList<>();
        notes.add("Everything — the four services, Kafka, PostgreSQL and this load generator — shares one machine; "
                + "when other work runs on it too (see the load averages), the figures are noisy and pessimistic.");
        if (!o.note().isBlank()) {
            notes.add(o.note());
        }
        notes.addAll(lent);
        Path file = Report.write(dir, new Report.Contents("Gongzhi bench " + dir.getFileName(), header, runs, steps,
                sustainable, rampStop, pg, kafka, profile, notes));
        printTables(out, runs, steps, sustainable, rampStop);
        return new Outcome(file, runs, steps, sustainable, pg, kafka);
    }

    private static void settle(Monitors monitors, PrintStream out) {
        double waited = monitors.awaitIdle(Duration.ofSeconds(180));
        out.println(waited < 0 ? "  the system still had a backlog after 180 s; starting anyway"
                : "  idle (no consumer lag, no unsent outbox rows) after " + Report.fmt(waited) + " s");
    }

    private static String summary(LoadRun r) {
        return String.format("  %s: sent %d, 201 %d (%.1f/s), errors %d, p99 201 %s ms, assigned %s ms (missing %d), "
                + "dashboard %s ms (missing %d)", r.label, r.sent.get(), r.accepted.get(), r.acceptedPerSecond(),
                r.errorCount(), Report.ms(r.submit.total(), 99), Report.ms(r.assigned.total(), 99), r.missingAssigned,
                Report.ms(r.dashboard.total(), 99), r.missingDashboard);
    }

    private static void printTables(PrintStream out, List<LoadRun> runs, List<LoadRun> steps, Integer sustainable,
            String rampStop) {
        StringBuilder sb = new StringBuilder();
        if (!runs.isEmpty()) {
            Report.latencyTable(sb, runs);
        }
        if (!steps.isEmpty()) {
            sb.append('\n');
            Report.latencyTable(sb, steps);
            sb.append("\nhighest sustainable rate: ").append(sustainable).append(" (").append(rampStop).append(")\n");
        }
        out.println(sb);
    }

    private static String postgresVersion(SystemUnderTest system) {
        try (Connection c = DriverManager.getConnection(system.jdbcUrl("requests"), "gongzhi", "gongzhi");
                ResultSet rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            return "?";
        }
    }

    private static List<String> header(BenchOptions o, SystemUnderTest system, Map<String, Long> pids,
            String postgresVersion, String loadAtStart) {
        Properties versions = new Properties();
        try (var in = Bench.class.getResourceAsStream("bench-versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException ignored) {
            // versions unknown
        }
        List<String> h = new ArrayList<>();
        h.add("| | |\n|---|---|");
        h.add("| date | " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " |");
        h.add("| machine | " + Runtime.getRuntime().availableProcessors() + " CPUs (`nproc`), " + memTotal()
                + " memory, " + cpuModel() + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " |");
        h.add("| load average at start (1/5/15 min) | " + loadAtStart + " |");
        h.add("| versions | Java " + System.getProperty("java.version") + ", Quarkus " + versions.getProperty("quarkus")
                + ", Kafka " + versions.getProperty("kafka") + ", PostgreSQL " + postgresVersion + ", Gongzhi "
                + versions.getProperty("gongzhi") + ", HdrHistogram " + versions.getProperty("hdrhistogram") + " |");
        h.add("| system | " + (system.selfStarted() ? "started by the bench (LocalSystem: devstack + the packaged "
                + "services as processes on " + system.serviceJvm() + ", " + String.join(" ", ServiceProcess.JVM_OPTIONS)
                + ", 6 partitions per topic)" : "attached") + "; "
                + system.urls() + "; Kafka " + system.kafkaBootstrap() + " |");
        h.add("| processes watched | " + pids + " |");
        h.add("| load | open model, fixed rate, latency from each request's due time; mix: water-leak 30 %, noise 22 %, "
                + "blocked-drain 10 %, handrail 7 %, wiring 6 %, clutter 6 %, dispute 5 %, lift 4 %, safety 3 %, "
                + "volunteer help 7 % (no alliance task); older buildings more often; half by 2 000 residents in the app,"
                + " half by 10 workers (12345 hotline, phone, rounds) |");
        h.add("| options | rates " + o.rates() + ", duration " + o.duration().toSeconds() + " s, warm-up "
                + o.warmup().toSeconds() + " s at " + o.warmupRate() + " req/s"
                + (o.ramp() ? ", ramp from " + o.rampStart() + " to " + o.rampMax() + " req/s, steps of "
                        + o.stepDuration().toSeconds() + " s" : "") + ", drain "
                + o.drain().toSeconds() + " s, limits " + o.limitDuration().toSeconds() + " s each |");
        h.add("| stages | submit → HTTP 201 (POST /api/requests); submit → lead task assigned "
                + "(`gongzhi.task.assigned.v1`, role LEAD, on `gongzhi.tasks`, key = request id, read by a plain "
                + "consumer); submit → `gongzhi.request.submitted.v1` on notification-service's `GET /api/stream` "
                + "(worker token) |");
        return h;
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> Report.fmt(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB")
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<String> profiles(Path jfrDir, Map<String, Long> pids) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(jfrDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jfr")).sorted().toList()) {
                String name = f.getFileName().toString();
                for (Map.Entry<String, Long> e : pids.entrySet()) {
                    if (name.contains("pid-" + e.getValue() + "-")) {
                        name = e.getKey();
                    }
                }
                try {
                    lines.addAll(JfrTop.summarise(name + " (`jfr/" + f.getFileName() + "`)", f, 8));
                } catch (IOException | RuntimeException e) {
                    lines.add(name + ": cannot read " + f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            lines.add("no JFR recordings: " + e.getMessage());
        }
        return lines;
    }
}
