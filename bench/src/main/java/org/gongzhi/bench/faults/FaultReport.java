package org.gongzhi.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The suite's table (one row per scenario), its findings and dead letters, and the last line. */
final class FaultReport {
    private FaultReport() {
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String table(List<FaultSuite.Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | injected | sent | accepted | lost | duplicated | out of order | unseen | dead-lettered "
                + "| time to recover |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (FaultSuite.Result r : results) {
            Verdict v = r.verdict();
            sb.append("| ").append(r.scenario().name()).append(" | ").append(seconds(r.injected())).append(" | ")
                    .append(r.sent()).append(" | ").append(r.accepted()).append(" | ").append(v.lost()).append(" | ")
                    .append(v.duplicated()).append(" | ").append(v.outOfOrder()).append(" | ").append(v.unseen())
                    .append(" | ").append(v.deadLettered()).append(" | ")
                    .append(r.recovery().map(FaultReport::seconds).orElse("not recovered")).append(" |\n");
        }
        return sb.toString();
    }

    /** The figures summed over every scenario; {@code lost 0, duplicated 0, out of order 0, unseen 0} when all hold. */
    static String lastLine(List<FaultSuite.Result> results) {
        return Verdict.line(results.stream().mapToInt(r -> r.verdict().lost()).sum(),
                results.stream().mapToInt(r -> r.verdict().duplicated()).sum(),
                results.stream().mapToInt(r -> r.verdict().outOfOrder()).sum(),
                results.stream().mapToInt(r -> r.verdict().unseen()).sum());
    }

    static Path write(Path dir, FaultSuite.Options o, String started, List<FaultSuite.Result> results) {
        return write(dir, o, started, results, Map.of());
    }

    /** The report, with the scenarios skipped (for want of a cluster, or left out of CI's run) and why. */
    static Path write(Path dir, FaultSuite.Options o, String started, List<FaultSuite.Result> results,
            Map<String, String> skipped) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Gongzhi fault suite ").append(dir.getFileName()).append("\n\n");
        sb.append("| | |\n|---|---|\n");
        sb.append("| started | ").append(started).append(" |\n");
        sb.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(memTotal()).append(" memory, ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(", Java ").append(System.getProperty("java.version"))
                .append(" |\n");
        sb.append("| system | ").append(o.brokers() == 1 ? "one KRaft broker"
                : o.brokers() + " KRaft brokers and a dedicated controller (replication " + Math.min(3, o.brokers())
                        + ", min.insync.replicas " + (o.brokers() >= 3 ? 2 : 1) + ")")
                .append(", one PostgreSQL, ").append(o.instances() == 1 ? "one instance" : o.instances() + " instances")
                .append(" of each service (devstack LocalSystem); webhook retries ").append(PartnerOutage.COMPRESSION)
                .append("× faster than the defaults |\n");
        sb.append("| run | ").append(o.quick() ? "--quick" : "full").append(", load ").append(o.rate())
                .append(" req/s (open model, the bench's mix) from 5 s before each fault to 5 s after |\n\n");
        sb.append(table(results)).append('\n');
        skipped.forEach((name, why) -> sb.append("- **").append(name).append("** skipped: ").append(why).append('\n'));
        for (FaultSuite.Result r : results) {
            sb.append("- **").append(r.scenario().name()).append("**: ").append(r.scenario().fault()).append('\n');
            r.verdict().findings().forEach(f -> sb.append("  - ").append(f).append('\n'));
            r.verdict().deadLetterReasons().forEach((reason, n) -> sb.append("  - dead-lettered ").append(n)
                    .append(" × ").append(reason.replace('\n', ' ')).append('\n'));
        }
        sb.append('\n').append(lastLine(results)).append('\n');
        Path file = dir.resolve("report.md");
        try {
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
