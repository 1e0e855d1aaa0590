package org.gongzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the harness that need no running system: options, matching, the report and its chart. */
class ReportTest {

    @Test
    void optionsParseRatesDurationsAndTargets() {
        BenchOptions o = BenchOptions.parse("--rate", "50,200", "--duration", "2m", "--target", "http://10.1.2.3",
                "--ramp");
        assertThat(o.rates()).containsExactly(50, 200);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.ramp()).isTrue();
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(120));
        assertThat(o.warmupRate()).isEqualTo(60);
        assertThat(BenchOptions.parse("--warmup", "30s", "--warmup-rate", "80").warmupRate()).isEqualTo(80);
        assertThat(o.targets().get("request-service")).hasToString("http://10.1.2.3:8081");
        assertThat(BenchOptions.parse("--target", "request=http://a:1,notification=http://b:2").targets())
                .containsEntry("notification-service", java.net.URI.create("http://b:2"));
        assertThatThrownBy(() -> BenchOptions.parse("--rat", "5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventSeenBeforeItsHttpAnswerStillCounts() {
        Tracker tracker = new Tracker();
        LoadRun run = new LoadRun("t", 1, Duration.ofSeconds(1));
        tracker.observed(Tracker.Kind.DASHBOARD, "r1", 5_000_000);
        tracker.accepted("r1", new Tracker.Pending(run, 1_000_000, true));
        tracker.observed(Tracker.Kind.ASSIGNED, "r1", 9_000_000);
        tracker.observed(Tracker.Kind.ASSIGNED, "r1", 9_500_000); // a second lead event does not count twice
        run.dashboard.roll(1, 0, null);
        run.assigned.roll(1, 0, null);
        assertThat(run.dashboard.total().getTotalCount()).isEqualTo(1);
        assertThat(run.dashboard.total().getMaxValue()).isBetween(3990L, 4010L);
        assertThat(run.assigned.total().getTotalCount()).isEqualTo(1);
        assertThat(tracker.awaiting(run, Tracker.Kind.ASSIGNED)).isZero();
    }

    @Test
    void theReportHasTheTableTheLimitsAndAChart(@TempDir Path dir) throws Exception {
        LoadRun run = new LoadRun("rate-50", 50, Duration.ofSeconds(2));
        run.histogramLog = dir.resolve("rate-50.hlog");
        Files.writeString(run.histogramLog, "");
        for (int second = 1; second <= 3; second++) {
            for (int i = 0; i < 50; i++) {
                run.submit.recordNanos(2_000_000L + i * 10_000L);
                run.assigned.recordNanos(20_000_000L + i * 100_000L);
                run.dashboard.recordNanos(30_000_000L + i * 100_000L);
            }
            for (Stage s : List.of(run.submit, run.assigned, run.dashboard)) {
                s.roll(second, 0, null);
            }
        }
        run.sent.set(150);
        run.accepted.set(150);
        Histogram pgLatency = new Histogram(3);
        pgLatency.recordValue(1500);
        Histogram kafkaLatency = new Histogram(3);
        kafkaLatency.recordValue(4000);
        Path file = Report.write(dir, new Report.Contents("test", List.of("| | |\n|---|---|"), List.of(run), List.of(),
                null, "", new RawLimits.PgResult(16, 10, 9000, 900, pgLatency, true, null),
                List.of(new RawLimits.KafkaResult(50, 700, 10, 500, 500, kafkaLatency, null)), List.of(), List.of()));
        String md = Files.readString(file);
        assertThat(md).contains("| rate-50 | 50 | 150 | 150 |", "submit → on the dashboard stream",
                "PostgreSQL intake transaction", "900 tx/s");
        String svg = Files.readString(dir.resolve("rate-50.svg"));
        assertThat(svg).startsWith("<svg").contains("<polyline").endsWith("</svg>\n");
    }
}
