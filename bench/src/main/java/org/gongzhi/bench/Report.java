package org.gongzhi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The Markdown report and its SVG charts. */
public final class Report {
    /** Everything a report shows. */
    public record Contents(String title, List<String> header, List<LoadRun> runs, List<LoadRun> rampSteps,
            Integer sustainableRate, String rampStop, RawLimits.PgResult pg, List<RawLimits.KafkaResult> kafka,
            List<String> profile, List<String> notes) {
    }

    private Report() {
    }

    public static Path write(Path dir, Contents c) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(c.title()).append("\n\n");
        c.header().forEach(h -> md.append(h).append('\n'));
        md.append('\n');
        c.notes().forEach(n -> md.append("> ").append(n).append("\n>\n"));
        List<LoadRun> all = new ArrayList<>(c.runs());
        all.addAll(c.rampSteps());
        if (!c.runs().isEmpty()) {
            md.append("\n## Latency and throughput\n\n");
            md.append("Latencies in ms from each request's due time (open model). *missing*: accepted requests whose "
                    + "stage was not observed within the drain time.\n\n");
            latencyTable(md, c.runs());
        }
        if (!c.rampSteps().isEmpty()) {
            md.append("\n## Ramp\n\n");
            md.append("Each step runs at a fixed rate; a step is sustainable when it has no error, nothing missing and "
                    + "p99 submit → assigned ≤ 1 s.\n\n");
            latencyTable(md, c.rampSteps());
            md.append("\n**Highest sustainable rate: ")
                    .append(c.sustainableRate() == null ? "none of the steps" : c.sustainableRate() + " requests/s")
                    .append("** (").append(c.rampStop()).append(")\n");
        }
        md.append("\n## The machine's own limits, measured in the same run\n\n");
        limits(md, c);
        md.append("\n## Resources\n\n");
        resources(md, all);
        md.append("\n## Consumer lag and outbox backlog (records; max during the run / at the end)\n\n");
        backlog(md, all);
        if (!c.profile().isEmpty()) {
            md.append("\n## Where the time goes (PostgreSQL per request; with --jfr, JFR execution samples)\n\n");
            c.profile().forEach(line -> md.append(line).append('\n'));
        }
        md.append("\n## Files\n\n");
        for (LoadRun r : all) {
            String svg = r.label + ".svg";
            writeSvg(dir.resolve(svg), r);
            md.append("- `").append(r.histogramLog.getFileName()).append("` (HdrHistogram interval log, tags = stages; "
                    + "read it with HistogramLogProcessor) and [").append(svg).append("](").append(svg).append(")\n");
        }
        for (LoadRun r : all) {
            md.append("\n![").append(r.label).append("](").append(r.label).append(".svg)\n");
        }
        Path file = dir.resolve("report.md");
        try {
            Files.writeString(file, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static void latencyTable(StringBuilder md, List<LoadRun> runs) {
        md.append("| run | rate (req/s) | sent | 201 | 201/s | errors | stage | samples | missing | p50 | p90 | p99 "
                + "| p99.9 | max |\n|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoadRun r : runs) {
            boolean first = true;
            for (Stage s : new Stage[] {r.submit, r.assigned, r.dashboard}) {
                Histogram h = s.total();
                long missing = s == r.assigned ? r.missingAssigned : s == r.dashboard ? r.missingDashboard : 0;
                md.append("| ").append(first ? r.label : "").append(" | ").append(first ? r.rate : "")
                        .append(" | ").append(first ? r.sent.get() : "").append(" | ")
                        .append(first ? r.accepted.get() : "").append(" | ")
                        .append(first ? fmt(r.acceptedPerSecond()) : "").append(" | ")
                        .append(first ? errors(r) : "").append(" | ").append(s.label()).append(" | ")
                        .append(h.getTotalCount()).append(" | ").append(missing).append(" | ")
                        .append(ms(h, 50)).append(" | ").append(ms(h, 90)).append(" | ").append(ms(h, 99))
                        .append(" | ").append(ms(h, 99.9)).append(" | ")
                        .append(h.getTotalCount() == 0 ? "–" : fmt(h.getMaxValue() / 1000.0)).append(" |\n");
                first = false;
            }
        }
        for (LoadRun r : runs) {
            if (r.lateSends > 0) {
                md.append("\n`").append(r.label).append("`: the load generator itself sent ").append(r.lateSends)
                        .append(" requests more than 10 ms after their due time (max ")
                        .append(fmt(r.maxSendLagMicros / 1000.0))
                        .append(" ms); their latency still counts from the due time.\n");
            }
        }
    }

    private static String errors(LoadRun r) {
        long n = r.errorCount();
        return n == 0 ? "0" : n + " " + r.errorsByKind();
    }

    private static void limits(StringBuilder md, Contents c) {
        RawLimits.PgResult pg = c.pg();
        md.append("| limit | configuration | rate | p50 | p99 | p99.9 | max |\n|---|---|---:|---:|---:|---:|---:|\n");
        if (pg != null) {
            md.append("| PostgreSQL intake transaction (insert request row + outbox row, JDBC, ")
                    .append(pg.fsync() ? "durable commit: fsync on" : "commit with fsync off: not durable across a "
                            + "machine crash").append(") | ")
                    .append(pg.concurrency()).append(" connections, ").append(fmt(pg.seconds())).append(" s | ")
                    .append(fmt(pg.perSecond())).append(" tx/s | ").append(ms(pg.latency(), 50)).append(" | ")
                    .append(ms(pg.latency(), 99)).append(" | ").append(ms(pg.latency(), 99.9)).append(" | ")
                    .append(fmt(pg.latency().getMaxValue() / 1000.0)).append(" |")
                    .append(pg.error() == null ? "" : " error: " + pg.error()).append('\n');
        }
        for (RawLimits.KafkaResult k : c.kafka()) {
            md.append("| Kafka produce → consume (acks=all, idempotent) | ").append(k.rate()).append(" rec/s × ")
                    .append(k.recordBytes()).append(" B, ").append(k.received()).append('/').append(k.sent())
                    .append(" received | ").append(k.rate()).append(" rec/s | ").append(ms(k.latency(), 50))
                    .append(" | ").append(ms(k.latency(), 99)).append(" | ").append(ms(k.latency(), 99.9))
                    .append(" | ").append(k.latency().getTotalCount() == 0 ? "–"
                            : fmt(k.latency().getMaxValue() / 1000.0)).append(" |")
                    .append(k.error() == null ? "" : " error: " + k.error()).append('\n');
        }
        md.append("\nThe system as a share of these limits:\n\n| run | 201/s ÷ PostgreSQL tx/s | p50 submit→201 ÷ "
                + "PostgreSQL p50 | p99 submit→assigned ÷ Kafka p99 | p99 submit→dashboard ÷ Kafka p99 |\n"
                + "|---|---:|---:|---:|---:|\n");
        List<LoadRun> all = new ArrayList<>(c.runs());
        all.addAll(c.rampSteps());
        for (LoadRun r : all) {
            RawLimits.KafkaResult k = c.kafka().stream().filter(x -> x.rate() == r.rate).findFirst()
                    .orElse(c.kafka().isEmpty() ? null : c.kafka().get(c.kafka().size() - 1));
            md.append("| ").append(r.label).append(" | ")
                    .append(pg == null || pg.perSecond() == 0 ? "–" : pct(r.acceptedPerSecond() / pg.perSecond()))
                    .append(" | ").append(pg == null ? "–" : ratio(r.submit.total(), pg.latency(), 50)).append(" | ")
                    .append(k == null ? "–" : ratio(r.assigned.total(), k.latency(), 99)).append(" | ")
                    .append(k == null ? "–" : ratio(r.dashboard.total(), k.latency(), 99)).append(" |\n");
        }
        if (c.sustainableRate() != null && pg != null && pg.perSecond() > 0) {
            md.append("\nHighest sustainable rate ÷ PostgreSQL intake rate: **")
                    .append(pct(c.sustainableRate() / pg.perSecond())).append("**\n");
        }
    }

    private static void resources(StringBuilder md, List<LoadRun> runs) {
        md.append("| run | process | CPU (s) | CPU (% of one core) | CPU per request (ms) | peak RSS since start "
                + "(VmHWM, MB) | max RSS during the run (MB) |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (LoadRun r : runs) {
            Monitors.Result res = r.resources;
            if (res == null) {
                continue;
            }
            boolean first = true;
            for (Map.Entry<String, Double> e : res.cpuSeconds().entrySet()) {
                String p = e.getKey();
                md.append("| ").append(first ? r.label : "").append(" | ").append(p).append(" | ")
                        .append(fmt(e.getValue())).append(" | ").append(fmt(100 * e.getValue() / res.seconds()))
                        .append(" | ").append(r.accepted.get() == 0 ? "–"
                                : fmt(1000 * e.getValue() / r.accepted.get()))
                        .append(" | ").append(mb(res.peakRssKb().get(p))).append(" | ")
                        .append(mb(res.maxRssDuringRunKb().get(p))).append(" |\n");
                first = false;
            }
            double total = res.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
            md.append("| | **all of the above** | ").append(fmt(total)).append(" | ")
                    .append(fmt(100 * total / res.seconds())).append(" | ")
                    .append(r.accepted.get() == 0 ? "–" : fmt(1000 * total / r.accepted.get()))
                    .append(" | | |\n");
        }
        md.append("\nLoad average (1/5/15 min) before → after each run: ");
        runs.stream().filter(r -> r.resources != null).forEach(r -> md.append('`').append(r.label).append("` ")
                .append(r.resources.loadBefore()).append(" → ").append(r.resources.loadAfter()).append("; "));
        md.append('\n');
    }

    private static void backlog(StringBuilder md, List<LoadRun> runs) {
        md.append("| run | consumer lag by group | unsent outbox rows by database |\n|---|---|---|\n");
        for (LoadRun r : runs) {
            if (r.resources == null) {
                continue;
            }
            StringBuilder lag = new StringBuilder();
            r.resources.lagMax().forEach((g, max) -> lag.append(g).append(' ').append(max).append('/')
                    .append(r.resources.lagEnd().get(g)).append("; "));
            StringBuilder outbox = new StringBuilder();
            r.resources.outboxMax().forEach((db, max) -> outbox.append(db).append(' ').append(max).append('/')
                    .append(r.resources.outboxEnd().get(db)).append("; "));
            md.append("| ").append(r.label).append(" | ").append(lag).append(" | ").append(outbox).append(" |\n");
        }
    }

    /** Percentiles over time, per stage: p50 dashed, p99 solid, max dotted; logarithmic milliseconds. */
    static void writeSvg(Path file, LoadRun r) {
        int w = 900;
        int h = 380;
        int left = 60;
        int right = 170;
        int top = 30;
        int bottom = 40;
        Stage[] stages = {r.submit, r.assigned, r.dashboard};
        String[] colours = {"#1f77b4", "#d62728", "#2ca02c"};
        double maxT = 1;
        long maxUs = 1000;
        for (Stage s : stages) {
            for (Stage.Point p : s.series()) {
                maxT = Math.max(maxT, p.t());
                maxUs = Math.max(maxUs, p.max());
            }
        }
        double minLog = -1; // 0.1 ms
        double maxLog = Math.ceil(Math.log10(maxUs / 1000.0));
        if (maxLog <= minLog) {
            maxLog = minLog + 1;
        }
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        final double fMaxT = maxT;
        final double fMaxLog = maxLog;
        java.util.function.DoubleUnaryOperator x = t -> left + plotW * t / fMaxT;
        java.util.function.LongToDoubleFunction y = us -> {
            double l = Math.log10(Math.max(us, 100) / 1000.0);
            return top + plotH * (1 - (l - minLog) / (fMaxLog - minLog));
        };
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                w, h));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\">%s: %d req/s — latency "
                + "percentiles per second (ms, log scale)</text>\n", left, esc(r.label), r.rate));
        for (double l = minLog; l <= maxLog; l++) {
            double yy = y.applyAsDouble((long) (Math.pow(10, l) * 1000));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left, yy,
                    left + plotW, yy, left - 6, yy + 4, fmt(Math.pow(10, l))));
        }
        int tickStep = (int) Math.max(1, Math.ceil(maxT / 10));
        for (int t = 0; t <= maxT; t += tickStep) {
            double xx = x.applyAsDouble(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%ds</text>\n", xx, top, xx, top + plotH, xx,
                    top + plotH + 16, t));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
                + "stroke=\"#888\"/>\n", left, top, plotW, plotH));
        String[] dashes = {"6,4", "", "1,3"};
        String[] names = {"p50", "p99", "max"};
        int legendY = top + 10;
        for (int i = 0; i < stages.length; i++) {
            List<Stage.Point> series = stages[i].series();
            for (int k = 0; k < 3; k++) {
                StringBuilder pts = new StringBuilder();
                for (Stage.Point p : series) {
                    long v = k == 0 ? p.p50() : k == 1 ? p.p99() : p.max();
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(p.t()), y.applyAsDouble(v)));
                }
                svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s "
                        + "points=\"%s\"/>\n", colours[i], k == 1 ? "2" : "1",
                        dashes[k].isEmpty() ? "" : " stroke-dasharray=\"" + dashes[k] + "\"", pts.toString().trim()));
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                        + "stroke-width=\"%s\"%s/><text x=\"%.1f\" y=\"%d\">%s %s</text>\n", left + plotW + 10,
                        legendY, left + plotW + 34, legendY, colours[i], k == 1 ? "2" : "1",
                        dashes[k].isEmpty() ? "" : " stroke-dasharray=\"" + dashes[k] + "\"", left + plotW + 38,
                        legendY + 4, esc(shortName(stages[i])), names[k]));
                legendY += 16;
            }
            legendY += 6;
        }
        svg.append("</svg>\n");
        try {
            Files.writeString(file, svg.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortName(Stage s) {
        return switch (s.name()) {
            case "submit_201" -> "201";
            case "submit_assigned" -> "assigned";
            default -> "dashboard";
        };
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "–" : fmt(h.getValueAtPercentile(percentile) / 1000.0);
    }

    static String ratio(Histogram a, Histogram b, double percentile) {
        if (a.getTotalCount() == 0 || b.getTotalCount() == 0) {
            return "–";
        }
        return fmt((double) a.getValueAtPercentile(percentile) / b.getValueAtPercentile(percentile)) + "×";
    }

    static String pct(double v) {
        return fmt(100 * v) + " %";
    }

    static String mb(Long kb) {
        return kb == null ? "–" : fmt(kb / 1024.0);
    }

    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
