package org.gongzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgStatementsTest {

    @Test
    void countsWhatHappenedBetweenTheSnapshotsPerAcceptedRequest() {
        PgStatements.Snapshot before = new PgStatements.Snapshot(
                Map.of("requests", new long[] {100, 1, 500, 50, 0, 0, 0}),
                Map.of("requests/1", new PgStatements.Row("requests", "insert into outbox_event values ($1)", 40,
                        4.0, 40)),
                Map.of("requests 11", 600L, "requests 12", 400L, "walwriter 7", 10L, "autovacuum 30", 50L));
        PgStatements.Snapshot after = new PgStatements.Snapshot(
                Map.of("requests", new long[] {300, 1, 900, 150, 10, 0, 0}),
                Map.of("requests/1", new PgStatements.Row("requests", "insert into outbox_event values ($1)", 240,
                        24.0, 240),
                        "requests/2", new PgStatements.Row("requests", "select | x", 100, 1.0, 300)),
                // backend 12 ended (not counted, not subtracted); backend 13 started: counts from zero
                Map.of("requests 11", 750L, "requests 13", 50L, "walwriter 7", 30L));

        List<String> lines = PgStatements.perRequest(before, after, 100, 10);

        // 200 commits, 400 rows inserted, 100 updated, 10 deleted, 300 statements, 21 ms, 200 ticks of 10 ms
        assertThat(lines).contains("| requests | 2.00 | 0.00 | 4.00 | 1.00 | 0.10 | 3.00 | 0.21 | 20.00 |",
                "| **all** | 2.00 | 0.00 | 4.00 | 1.00 | 0.10 | 3.00 | 0.21 | 22.00 |");
        assertThat(String.join("\n", lines)).contains("walwriter 2.00")
                .contains("| requests | 2.00 | 0.20 | 2.00 | `insert into outbox_event values ($1)` |")
                .contains("| requests | 1.00 | 0.01 | 3.00 | `select \\| x` |");
        assertThat(lines.indexOf("| requests | 2.00 | 0.20 | 2.00 | `insert into outbox_event values ($1)` |"))
                .as("most calls first").isLessThan(lines.indexOf("| requests | 1.00 | 0.01 | 3.00 | `select \\| x` |"));
    }

    @Test
    void saysNothingWithoutAcceptedRequests() {
        PgStatements.Snapshot empty = new PgStatements.Snapshot(Map.of("requests", new long[7]), Map.of(), Map.of());
        assertThat(PgStatements.perRequest(empty, empty, 0, 10)).isEmpty();
    }
}
