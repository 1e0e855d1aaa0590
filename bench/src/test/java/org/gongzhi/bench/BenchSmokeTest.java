package org.gongzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The harness end to end at a low rate against a system it starts itself (Kafka, PostgreSQL, the four packaged
 * services). It keeps the tool working; it asserts no time. Starting the whole system takes over a minute on a
 * busy 2-core machine, hence the tag.
 */
@Tag("long")
class BenchSmokeTest {

    @Test
    void aShortRunProducesAReportWithSamplesForEveryStage() throws Exception {
        Path reports = Path.of("target/smoke-reports").toAbsolutePath();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Bench.Outcome outcome = Bench.run(BenchOptions.parse("--self", "--rate", "5", "--duration", "3s",
                "--warmup", "0", "--drain", "30s", "--limit-duration", "2s", "--pg-concurrency", "4",
                "--reports", reports.toString()), new PrintStream(console, true, StandardCharsets.UTF_8));

        LoadRun run = outcome.runs().get(0);
        assertThat(run.sent.get()).isEqualTo(15);
        assertThat(run.errorCount()).as(console.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run.submit.total().getTotalCount()).isEqualTo(15);
        assertThat(run.assigned.total().getTotalCount()).isPositive();
        assertThat(run.dashboard.total().getTotalCount()).isEqualTo(15);
        assertThat(run.resources.cpuSeconds()).containsKeys("request-service", "alliance-service",
                "notification-service", "volunteer-service", "kafka", "postgresql");
        assertThat(outcome.postgres().commits()).isPositive();
        assertThat(outcome.kafka().get(0).received()).isEqualTo(outcome.kafka().get(0).sent());

        String report = Files.readString(outcome.report());
        assertThat(report).contains("rate-5", "submit → lead task assigned", "PostgreSQL intake transaction",
                "Kafka produce → consume", "peak RSS", "PostgreSQL per accepted request", "| requests | ",
                "| notifications | ");
        assertThat(outcome.report().resolveSibling("rate-5.hlog")).isNotEmptyFile();
        assertThat(Files.readString(outcome.report().resolveSibling("rate-5.svg"))).contains("<polyline");
    }
}
