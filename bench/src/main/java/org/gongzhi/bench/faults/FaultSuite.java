package org.gongzhi.bench.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gongzhi.bench.Help;
import org.gongzhi.bench.LoadRun;
import org.gongzhi.bench.Monitors;
import org.gongzhi.bench.SystemUnderTest;
import org.gongzhi.bench.Tracker;
import org.gongzhi.bench.Workload;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;

/**
 * {@code ./gongzhi faults [--quick] [--only NAME] [--brokers N] [--instances N]}: starts a whole system (one broker
 * and one instance of each service, or a cluster), and for one scenario at a time drives the bench's open-model load
 * while the fault is injected, waits for the system to recover, and checks that nothing was lost, applied twice,
 * reordered or kept from the dashboard. Exits 1 unless every figure is zero.
 */
public final class FaultSuite {
    static final String USAGE = """
            usage: ./gongzhi faults [--quick] [--only NAME[,NAME…]] [--rate R] [--brokers N] [--instances N]
                                    [--reports DIR]
              --quick      the short version of every scenario (CI)
              --only       run only these scenarios: %s
              --rate       requests per second of the load while a fault is injected (default 10)
              --brokers    Kafka brokers (default 1; 3: replication 3, min.insync.replicas 2, a dedicated controller)
              --instances  instances of each service (default 1)
              --reports    where the report goes (default .local/faults)
            brokers-below-isr, rebalance-storm and stuck-consumer need --brokers 3 --instances 2 (else skipped)
            """;
    /** Load before the fault and after it, so that it lands mid-burst and the system works through it. */
    private static final Duration LEAD_IN = Duration.ofSeconds(5);
    private static final Duration TAIL = Duration.ofSeconds(5);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(5);

    /** Options of one suite run. */
    public record Options(boolean quick, List<String> only, int rate, int brokers, int instances, Path reports,
            Path root) {
        public static Options parse(String... args) {
            boolean quick = false;
            List<String> only = List.of();
            int rate = 10;
            int brokers = 1;
            int instances = 1;
            Path reports = null;
            Path root = Path.of(".");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--only" -> only = List.of(value(args, ++i).split(","));
                    case "--rate" -> rate = Integer.parseInt(value(args, ++i));
                    case "--brokers" -> brokers = Integer.parseInt(value(args, ++i));
                    case "--instances" -> instances = Integer.parseInt(value(args, ++i));
                    case "--reports" -> reports = Path.of(value(args, ++i));
                    case "--root" -> root = Path.of(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            List<String> known = scenarios().stream().map(Scenario::name).toList();
            for (String name : only) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("no scenario " + name + "; there are " + known);
                }
            }
            if (rate < 1) {
                throw new IllegalArgumentException("--rate must be at least 1");
            }
            if (brokers < 1 || instances < 1) {
                throw new IllegalArgumentException("--brokers and --instances must be at least 1");
            }
            root = root.toAbsolutePath().normalize();
            return new Options(quick, only, rate, brokers, instances,
                    reports == null ? root.resolve(".local/faults") : reports, root);

        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    /** One scenario's outcome. */
    public record Result(Scenario scenario, Duration injected, long sent, long accepted, Verdict verdict,
            Optional<Duration> recovery) {
        boolean holds() {
            return verdict.holds() && recovery.isPresent();
        }
    }

    /** What a suite run produced. */
    public record Outcome(List<Result> results, Path report, String lastLine) {
        public boolean holds() {
            return results.stream().allMatch(Result::holds);
        }
    }

    private FaultSuite() {
    }

    /** Every scenario, in the order run; the last three need a cluster and are skipped without one. */
    static List<Scenario> scenarios() {
        return List.of(new ServiceKills(), new RollingRestart(), PostgresOutage.stopped(), PostgresOutage.killed(),
                BrokerFault.killed(), BrokerFault.paused(), new PoisonRecords(), new PartnerOutage(),
                new BrokersBelowIsr(), new RebalanceStorm(), new StuckConsumer());
    }

    public static void main(String[] args) {
        if (Help.asked(args)) {
            System.out.printf(USAGE, scenarios().stream().map(Scenario::name).toList());
            System.exit(0);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.printf(USAGE, scenarios().stream().map(Scenario::name).toList());
            System.exit(2);
            return;
        }
        Outcome outcome = run(options, System.out);
        System.out.println("report: " + outcome.report());
        System.out.println(outcome.lastLine());
        System.exit(outcome.holds() ? 0 : 1);
    }

    /** Runs the chosen scenarios against a system of its own and answers the verdicts. */
    public static Outcome run(Options o, PrintStream out) {
        List<Scenario> chosen = scenarios().stream().filter(s -> o.only().isEmpty() || o.only().contains(s.name()))
                .toList();
        Path dir = o.reports().resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        String started = FaultReport.now();
        List<Result> results = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        try (Session session = Session.open(o.root(), dir, out, o.brokers(), o.instances())) {
            for (Scenario scenario : chosen) {
                Optional<String> unfit = session.unfit(scenario);
                if (unfit.isPresent()) {
                    skipped.put(scenario.name(), unfit.get());
                } else {
                    results.add(session.run(scenario, o.quick(), o.rate()));
                }
            }
        }
        Path report = FaultReport.write(dir, o, started, results, skipped);
        out.println();
        out.print(FaultReport.table(results));
        return new Outcome(results, report, FaultReport.lastLine(results));
    }

    /** A system of the suite's own, with the load generator and the checker, on which scenarios run one at a time. */
    public static final class Session implements AutoCloseable {
        private final SystemUnderTest system;
        private final Monitors monitors;
        private final ExecutorService executor;
        private final HttpClient http;
        private final Workload workload = new Workload(42, 200);
        private final Evidence evidence;
        private final Recovery recovery;
        private final Path dir;
        private final PrintStream out;

        private Session(SystemUnderTest system, Path dir, PrintStream out) {
            this.system = system;
            this.dir = dir;
            this.out = out;
            this.monitors = new Monitors(system);
            this.executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "faults-http");
                t.setDaemon(true);
                return t;
            });
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            this.evidence = new Evidence(system);
            this.recovery = new Recovery(system, out);
        }

        /** Starts the system (logs and histograms under {@code dir}) and waits until the demo data has settled. */
        public static Session open(Path root, Path dir, PrintStream out) {
            return open(root, dir, out, 1, 1);
        }

        /**
         * As {@link #open(Path, Path, PrintStream)}, on {@code brokers} Kafka brokers with {@code instances} of each
         * service.
         */
        public static Session open(Path root, Path dir, PrintStream out, int brokers, int instances) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("starting a system (" + (brokers == 1 ? "one Kafka broker" : brokers + " Kafka brokers")
                    + ", PostgreSQL, " + (instances == 1 ? "four services" : instances + " instances of each service")
                    + ") from " + root + "; logs in " + dir.resolve("logs"));
            Map<String, String> env = new HashMap<>(PartnerOutage.ENVIRONMENT);
            // residents' SMS and email go to the local sink file: beside the logs, not into the working directory
            env.put("GONGZHI_NOTIFICATIONS_SINK_DIR", dir.resolve("logs").toString());
            // a killed or frozen instance's partitions go to the others, or to it started again, after 10 s, not
            // Kafka's default 45 s: the suite waits less for each kill to be noticed (the cluster system test does so)
            env.put("GONGZHI_KAFKA_SESSION_TIMEOUT_MS", String.valueOf(StuckConsumer.SESSION_TIMEOUT.toMillis()));
            SystemUnderTest system = SystemUnderTest.start(root, dir.resolve("logs"), env, false, brokers, instances);
            Session session;
            try {
                session = new Session(system, dir, out);
            } catch (RuntimeException e) {
                system.close();
                throw e;
            }
            out.println("settling after the demo community's load");
            session.recovery.await(System.nanoTime(), RECOVERY_LIMIT);
            return session;
        }

        /** Why {@code scenario} cannot run on this session's system, or empty; says so when it cannot. */
        public Optional<String> unfit(Scenario scenario) {
            Optional<String> unfit = scenario.unfitFor(system.local().orElseThrow());
            unfit.ifPresent(why -> out.println("scenario " + scenario.name() + " skipped: " + why));
            return unfit;
        }

        /** Drives the load while {@code scenario} injects its fault, waits for recovery, and checks. */
        public Result run(Scenario scenario, boolean quick, int rate) {
            LocalSystem local = system.local().orElseThrow();
            Duration duration = quick ? scenario.quickDuration() : scenario.duration();
            out.println("scenario " + scenario.name() + ": " + scenario.fault() + " — " + duration.toSeconds()
                    + " s under " + rate + " req/s");
            Evidence.Window window = evidence.begin();
            Tracker tracker = new Tracker();
            long[] injection = new long[2];
            Throwable[] failure = new Throwable[1];
            try (DashboardWatch dashboard = new DashboardWatch(system.instanceUrls("notification-service"),
                    evidence.dashboardHead())) {
                dashboard.awaitOpen(Duration.ofSeconds(60));
                Thread injector = new Thread(() -> {
                    try {
                        Thread.sleep(LEAD_IN.toMillis());
                        injection[0] = System.nanoTime();
                        scenario.inject(local, duration);
                    } catch (Throwable e) {
                        failure[0] = e;
                    } finally {
                        injection[1] = System.nanoTime();
                    }
                }, "faults-" + scenario.name());
                injector.start();
                LoadRun load = new LoadRun(scenario.name(), rate, LEAD_IN.plus(duration).plus(TAIL)).execute(http,
                        system, workload, tracker, monitors, Duration.ZERO, dir, out);
                join(injector);
                if (failure[0] != null) {
                    throw new IllegalStateException("injecting " + scenario.name() + " failed", failure[0]);
                }
                for (ServiceProcess.Service s : ServiceProcess.Service.values()) {
                    for (ServiceProcess instance : Scenario.running(local, s)) {
                        instance.awaitReady(Duration.ofSeconds(180));
                    }
                }
                Optional<Duration> recovered = recovery.await(injection[1], RECOVERY_LIMIT);
                out.println("  " + load.accepted.get() + " of " + load.sent.get() + " requests accepted; "
                        + recovered.map(d -> "recovered (no lag, nothing unsent) " + FaultReport.seconds(d) + " after")
                                .orElse("NOT recovered within " + RECOVERY_LIMIT.toMinutes() + " min of")
                        + " the injection's end" + recovered.map(d -> "")
                                .orElse(" (still: " + recovery.lastUnsettled() + ")"));
                Set<String> onTopics = new HashSet<>(evidence.eventIds(window));
                onTopics.removeAll(scenario.expectedDeadLetters());
                awaitDashboard(dashboard, onTopics, Duration.ofSeconds(60));
                Verdict verdict = Verdict.of(evidence.read(window, tracker.everAccepted(), dashboard,
                        scenario.expectedDeadLetters()));
                verdict.findings().forEach(f -> out.println("  " + f));
                out.println("  " + verdict.line());
                return new Result(scenario, Duration.ofNanos(injection[1] - injection[0]), load.sent.get(),
                        load.accepted.get(), verdict, recovered);
            } finally {
                scenario.cleanUp(local);
            }
        }

        /** The system, for a test that breaks a guarantee on purpose from outside. */
        public SystemUnderTest system() {
            return system;
        }

        @Override
        public void close() {
            try {
                monitors.close();
            } finally {
                executor.shutdownNow();
                system.close();
            }
        }
    }

    /** The stream runs a little behind the log: waits until it has shown every event on the topics, or gives up. */
    private static void awaitDashboard(DashboardWatch dashboard, Set<String> onTopics, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && !dashboard.eventIds().containsAll(onTopics)) {
            Recovery.pause(500);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
