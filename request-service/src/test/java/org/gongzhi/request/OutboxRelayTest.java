package org.gongzhi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * platform's outbox relay against the real database and broker: one relay publishes at a time (the advisory lock a
 * second instance would hold), and a backlog larger than one batch goes out whole and in commit order.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class OutboxRelayTest {
    /** The key the relay locks: another instance publishing holds it. */
    static final long RELAY_LOCK = 0x67_6f6e677a6869L;

    @Test
    void whileAnotherInstanceHoldsTheLockNothingIsPublishedAndAfterwardsEverythingIs() throws Exception {
        String key = "relay-" + UUID.randomUUID();
        var stack = DevstackResource.stack();
        try (Connection otherInstance = DriverManager.getConnection(stack.jdbcUrl("requests"), stack.username(),
                stack.password()); Statement s = otherInstance.createStatement()) {
            s.execute("select pg_advisory_lock(" + RELAY_LOCK + ")");
            insertOutboxRows(key, 3);
            // the insert's NOTIFY woke the relay and at least one sweep (every 2 s) passes: still nothing sent
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> unsent(key) == 3);
            s.execute("select pg_advisory_unlock(" + RELAY_LOCK + ")");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> unsent(key) == 0);
        assertThat(KafkaProbe.records(Topics.REQUESTS, key, found -> found.size() >= 3)).hasSize(3);
    }

    @Test
    void aBacklogOfMoreThanOneBatchGoesOutWholeInCommitOrder() {
        String key = "relay-" + UUID.randomUUID();
        List<String> ids = insertOutboxRows(key, 1_200); // the relay sends 500 rows per batch

        await().atMost(Duration.ofSeconds(30)).until(() -> unsent(key) == 0);
        List<ConsumerRecord<String, String>> records = KafkaProbe.records(Topics.REQUESTS, key,
                found -> found.size() >= ids.size());
        assertThat(records).extracting(r -> KafkaProbe.header(r, "ce_id")).containsExactlyElementsOf(ids);
    }

    /**
     * The service stopping interrupts the relay while it waits for the broker's acknowledgement: the rows it claimed
     * must stay unsent (the pool's reset would commit an open claim), and go out once the broker answers again. The
     * broker is paused (SIGSTOP), not stopped: its connections stay up and the producer keeps the topic's metadata,
     * so a send waits for its acknowledgement rather than for metadata.
     */
    @Test
    void aRelayInterruptedWhileWaitingForTheBrokerLeavesItsBatchUnsent() throws Exception {
        String warmUp = "relay-" + UUID.randomUUID();
        insertOutboxRows(warmUp, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> unsent(warmUp) == 0);
        String key = "relay-" + UUID.randomUUID();
        long broker = DevstackResource.stack().kafkaPid();
        List<String> ids;
        signal("STOP", broker);
        try {
            ids = insertOutboxRows(key, 2);
            Thread relay = await().atMost(Duration.ofSeconds(10)).until(OutboxRelayTest::relayWaitingForAcks,
                    Objects::nonNull);
            relay.interrupt();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> unsent(key) == 2);
        } finally {
            signal("CONT", broker);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> unsent(key) == 0);
        assertThat(KafkaProbe.records(Topics.REQUESTS, key, found -> found.size() >= 2))
                .extracting(r -> KafkaProbe.header(r, "ce_id")).containsAll(ids);
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor()).isZero();
    }

    /** The relay's thread while it waits for the broker to acknowledge a batch, else null. */
    private static Thread relayWaitingForAcks() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("outbox-relay"))
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().equals("waitForAcks")))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** Rows as a service's transaction would write them, one statement; answers their event ids in seq order. */
    static List<String> insertOutboxRows(String key, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < count; i++) {
            values.append(i == 0 ? "" : ", ").append("('").append(ids.get(i)).append("', '").append(Topics.REQUESTS)
                    .append("', '").append(key).append("', 'gongzhi.request.submitted.v1', 'request-service', '")
                    .append(key).append("', now(), '{\"n\": ").append(i).append("}')");
        }
        Fixtures.sql("insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at,"
                + " payload) values " + values);
        return ids;
    }

    static long unsent(String key) {
        return Fixtures.count("select count(*) from outbox_event where event_key = '" + key
                + "' and sent_at is null");
    }
}
