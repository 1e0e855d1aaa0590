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
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * A relay that hangs inside its transaction (a frozen process: it holds the publishing lock and answers nothing) does
 * not hold every instance's outbox until someone restarts it: PostgreSQL ends the idle transaction after
 * {@code gongzhi.outbox.idle-transaction-limit-ms} (30 s; 2 s here) and another relay publishes.
 */
@QuarkusTest
@TestProfile(FrozenRelayTest.ShortLimit.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class FrozenRelayTest {
    public static class ShortLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongzhi.outbox.idle-transaction-limit-ms", "2000");
        }
    }

    @Inject
    AgroalDataSource pool;

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
}
