package org.gongzhi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * A process frozen inside a transaction (SIGSTOP, a stalled VM: it holds its locks and answers nothing) does not hold
 * the other instances back until someone restarts it: PostgreSQL ends a transaction left idle for
 * {@code gongzhi.outbox.idle-transaction-limit-ms} (30 s; 2 s here), on both pools — the relay's JDBC pool, where
 * another relay then takes the publishing lock, and the reactive pool of the consumers, where another instance then
 * applies the events the frozen one had recorded in its inbox without committing.
 */
@QuarkusTest
@TestProfile(FrozenTransactionTest.ShortLimit.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class FrozenTransactionTest {
    public static class ShortLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongzhi.outbox.idle-transaction-limit-ms", "2000");
        }
    }

    @Inject
    AgroalDataSource pool;

    @Inject
    Pool reactivePool;

    @Test
    void aRelayFrozenMidTransactionLosesTheLockAndTheOutboxFlowsAgain() throws Exception {
        String key = "frozen-" + UUID.randomUUID();
        // a connection of the service's own pool, as the frozen instance's relay had: mid-transaction, holding the lock
        Connection frozen = pool.getConnection();
        try {
            frozen.setAutoCommit(false);
            try (Statement s = frozen.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + OutboxRelayTest.RELAY_LOCK + ")");
            }
            OutboxRelayTest.insertOutboxRows(key, 3);
            // while it is held nothing goes out; then PostgreSQL ends the transaction and the relay publishes
            await().during(Duration.ofMillis(1_000)).atMost(Duration.ofSeconds(2)).until(() ->
                    OutboxRelayTest.unsent(key) == 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> OutboxRelayTest.unsent(key) == 0);
            assertThat(KafkaProbe.records(Topics.REQUESTS, key, found -> found.size() >= 3)).hasSize(3);
            // the hung session was ended by the server, not released by anyone
            assertThatThrownBy(() -> {
                try (Statement s = frozen.createStatement()) {
                    s.execute("select 1");
                }
            }).isInstanceOf(SQLException.class);
        } finally {
            try {
                frozen.close();
            } catch (SQLException ended) {
                // the server closed it already
            }
        }
    }

    @Test
    void aConsumerFrozenMidBatchReleasesTheEventsItRecordedAndAnotherInstanceAppliesThem() throws Exception {
        String eventId = UUID.randomUUID().toString();
        // the frozen instance's batch: its inbox row written in a transaction that neither commits nor goes on
        SqlConnection frozen = reactivePool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            Transaction batch = frozen.begin().await().atMost(Duration.ofSeconds(10));
            frozen.preparedQuery("insert into processed_event (consumer, event_id, event_type) values ($1, $2, $3)")
                    .execute(Tuple.of("frozen-consumer", eventId, "gongzhi.request.submitted.v1"))
                    .await().atMost(Duration.ofSeconds(10));
            // the event, received again by the other instance: its inbox row waits for the frozen one's, then goes in
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    return s.executeUpdate("insert into processed_event (consumer, event_id, event_type) values "
                            + "('frozen-consumer', '" + eventId + "', 'gongzhi.request.submitted.v1') "
                            + "on conflict do nothing");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().during(Duration.ofMillis(1_000)).atMost(Duration.ofSeconds(2)).until(() -> !other.isDone());
            await().atMost(Duration.ofSeconds(30)).until(other::isDone);
            assertThat(other.get()).as("the other instance applied the event").isEqualTo(1);
            assertThatThrownBy(() -> batch.commit().await().atMost(Duration.ofSeconds(10)))
                    .as("the frozen batch was ended by the server").isInstanceOf(RuntimeException.class);
        } finally {
            frozen.close().await().atMost(Duration.ofSeconds(10));
        }
    }
}
