package org.gongzhi.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to run. {@code --rate R} requests/s for {@code --duration D}; {@code --ramp} steps the rate up instead;
 * {@code --self} starts its own system; {@code --target} names a running one (default: what {@code ./gongzhi up}
 * starts on localhost).
 */
public record BenchOptions(
        List<Integer> rates,
        Duration duration,
        boolean ramp,
        int rampStart,
        int rampMax,
        Duration stepDuration,
        boolean self,
        boolean jfr,
        boolean statements,
        Map<String, URI> targets,
        String kafkaBootstrap,
        String postgres,
        Duration drain,
        Duration limitDuration,
        int pgConcurrency,
        Path root,
        Path reportsDir,
        String note,
        Duration warmup,
        int warmupRate,
        boolean ratesGiven) {

    public static final String USAGE = """
            usage: ./gongzhi bench [--rate R[,R2…]] [--duration D] [--ramp [--ramp-start R] [--ramp-max R] [--step D]]
                                   [--self [--jfr] [--statements]] [--target URL | --target name=URL,…] [--kafka HOST:PORT]
                                   [--postgres HOST:PORT] [--drain D] [--limit-duration D] [--pg-concurrency N]
                                   [--warmup D] [--warmup-rate R] [--note TEXT] [--reports DIR]
              --rate         requests per second (open model); several comma-separated rates run one after the other
              --duration     of each run, e.g. 60s, 2m (default 60s)
              --ramp         step the rate up until p99 submit→assigned passes 1 s or errors appear
              --self         start Kafka, PostgreSQL and the four packaged services (free ports) and load the demo
              --jfr          with --self: record a JFR profile of every service (written beside the report)
              --statements   with --self: count PostgreSQL's statements (pg_stat_statements) per accepted request
                             (every report shows commits, rows and the server's CPU per database)
              --target       a host with the default ports (http://host → 8080–8083) or
                             request=URL,notification=URL,alliance=URL,volunteer=URL
              --kafka        bootstrap servers (default localhost:9092), --postgres host:port (default localhost:5432)
              --warmup       unreported load first, so the JIT has compiled the hot paths (default 120s at
                             --warmup-rate 60 req/s; the services' compiler threads take ~30 % of their CPU for
                             the first minutes); --warmup 0 measures a cold system
            """;

    public static BenchOptions parse(String... args) {
        List<Integer> rates = List.of(50);
        Duration duration = Duration.ofSeconds(60);
        boolean ramp = false;
        int rampStart = 100;
        int rampMax = 3000;
        Duration step = Duration.ofSeconds(20);
        boolean self = false;
        boolean jfr = false;
        boolean statements = false;
        Map<String, URI> targets = defaultTargets("http://localhost");
        String kafka = "localhost:9092";
        String postgres = "localhost:5432";
        Duration drain = Duration.ofSeconds(20);
        Duration limitDuration = Duration.ofSeconds(10);
        int pgConcurrency = 16; // quarkus.datasource.reactive.max-size of the services
        Path root = Path.of("").toAbsolutePath();
        Path reports = null;
        String note = "";
        Duration warmup = Duration.ofSeconds(120);
        int warmupRate = 60;
        boolean ratesGiven = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--warmup" -> warmup = duration(value(args, ++i, a));
                case "--warmup-rate" -> warmupRate = Integer.parseInt(value(args, ++i, a));
                case "--rate" -> {
                    rates = java.util.Arrays.stream(value(args, ++i, a).split(","))
                        .map(String::trim).map(Integer::parseInt).toList();
                    ratesGiven = true;
                }
                case "--duration" -> duration = duration(value(args, ++i, a));
                case "--ramp" -> ramp = true;
                case "--ramp-start" -> rampStart = Integer.parseInt(value(args, ++i, a));
                case "--ramp-max" -> rampMax = Integer.parseInt(value(args, ++i, a));
                case "--step" -> step = duration(value(args, ++i, a));
                case "--self" -> self = true;
                case "--jfr" -> jfr = true;
                case "--statements" -> statements = true;
                case "--target" -> targets = targets(value(args, ++i, a));
                case "--kafka" -> kafka = value(args, ++i, a);
                case "--postgres" -> postgres = value(args, ++i, a);
                case "--drain" -> drain = duration(value(args, ++i, a));
                case "--limit-duration" -> limitDuration = duration(value(args, ++i, a));
                case "--pg-concurrency" -> pgConcurrency = Integer.parseInt(value(args, ++i, a));
                case "--root" -> root = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--reports" -> reports = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--note" -> note = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (rates.stream().anyMatch(r -> r <= 0) || warmupRate <= 0) {
            throw new IllegalArgumentException("--rate and --warmup-rate must be positive");
        }
        if (reports == null) {
            reports = (java.nio.file.Files.isDirectory(root.resolve("bench")) ? root.resolve("bench") : root)
                    .resolve("target/reports");
        }
        return new BenchOptions(rates, duration, ramp, rampStart, rampMax, step, self, jfr, statements, targets, kafka,
                postgres, drain, limitDuration, pgConcurrency, root, reports, note, warmup, warmupRate, ratesGiven);
    }

    /** The repository root (where the services' packaged jars are), from here or from the bench module. */
    public Path repoRoot() {
        if (java.nio.file.Files.isDirectory(root.resolve("request-service"))) {
            return root;
        }
        return root.getParent() != null && java.nio.file.Files.isDirectory(root.getParent().resolve("request-service"))
                ? root.getParent() : root;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }

    static Map<String, URI> defaultTargets(String base) {
        String b = base.replaceAll("/+$", "").replaceAll(":\\d+$", "");
        Map<String, URI> m = new LinkedHashMap<>();
        m.put("notification-service", URI.create(b + ":8080"));
        m.put("request-service", URI.create(b + ":8081"));
        m.put("alliance-service", URI.create(b + ":8082"));
        m.put("volunteer-service", URI.create(b + ":8083"));
        return m;
    }

    static Map<String, URI> targets(String text) {
        if (!text.contains("=")) {
            return defaultTargets(text);
        }
        Map<String, URI> m = defaultTargets("http://localhost");
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            String name = kv[0].trim().endsWith("-service") ? kv[0].trim() : kv[0].trim() + "-service";
            if (!m.containsKey(name)) {
                throw new IllegalArgumentException("unknown service " + kv[0] + " in --target");
            }
            m.put(name, URI.create(kv[1].trim().replaceAll("/+$", "")));
        }
        return m;
    }
}
