package org.gongzhi.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.junit.jupiter.api.Test;

class OwedOffsetsTest {
    private static final TopicPartition REQUESTS_0 = new TopicPartition("gongzhi.requests", 0);
    private static final TopicPartition REQUESTS_1 = new TopicPartition("gongzhi.requests", 1);

    private final Broker broker = new Broker();
    private final OwedOffsets owed = new OwedOffsets(connectorConsumer(broker));

    @Test
    void aFailedCommitIsPaidWhenTriedAgainThoughNoNewerRecordCame() {
        broker.refusing = true;
        assertThrows(RebalanceInProgressException.class, () -> commit(REQUESTS_0, 13));
        assertTrue(owed.any());
        assertNull(broker.committedOffset(REQUESTS_0));

        broker.refusing = false;
        owed.settle().await().indefinitely();

        assertEquals(13L, broker.committedOffset(REQUESTS_0));
        assertFalse(owed.any());
    }

    @Test
    void whatIsOwedGoesOutWithTheNextCommitOfAnotherPartition() {
        broker.refusing = true;
        assertThrows(RebalanceInProgressException.class, () -> commit(REQUESTS_0, 13));
        broker.refusing = false;

        commit(REQUESTS_1, 4);

        assertEquals(13L, broker.committedOffset(REQUESTS_0));
        assertEquals(4L, broker.committedOffset(REQUESTS_1));
        assertFalse(owed.any());
    }

    @Test
    void anOwedOffsetNeverMovesAPartitionBack() {
        broker.refusing = true;
        assertThrows(RebalanceInProgressException.class, () -> commit(REQUESTS_0, 13));
        broker.refusing = false;
        commit(REQUESTS_0, 20);
        owed.settle().await().indefinitely();

        assertEquals(20L, broker.committedOffset(REQUESTS_0));
        assertEquals(1, broker.commits);
        assertFalse(owed.any());
    }

    @Test
    void aPartitionGoneToAnotherOwnerIsNoLongerOwed() {
        broker.refusing = true;
        assertThrows(RebalanceInProgressException.class, () -> commit(REQUESTS_0, 13));
        broker.refusing = false;

        owed.forget(List.of(REQUESTS_0));
        owed.settle().await().indefinitely();

        assertFalse(owed.any());
        assertNull(broker.committedOffset(REQUESTS_0));
    }

    @Test
    void everythingElseReachesTheConnectorsConsumer() {
        assertEquals("alliance-service", owed.consumer().configuration().get("group.id"));
    }

    private void commit(TopicPartition partition, long offset) {
        owed.consumer().commit(Map.of(partition, new OffsetAndMetadata(offset))).await().indefinitely();
    }

    /** The connector's consumer, reduced to what the commit handler uses: its polling thread is the caller's. */
    @SuppressWarnings("unchecked")
    private static KafkaConsumer<String, String> connectorConsumer(Broker broker) {
        return (KafkaConsumer<String, String>) Proxy.newProxyInstance(KafkaConsumer.class.getClassLoader(),
                new Class<?>[] {KafkaConsumer.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "runOnPollingThread" -> {
                        try {
                            ((java.util.function.Consumer<Object>) args[0]).accept(broker);
                            yield Uni.createFrom().voidItem();
                        } catch (RuntimeException e) {
                            yield Uni.createFrom().failure(e);
                        }
                    }
                    case "configuration" -> Map.of("group.id", "alliance-service");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Kafka's mock consumer, refusing commits while the group rebalances (as after a broker's restart). */
    private static final class Broker extends MockConsumer<String, String> {
        private final Map<TopicPartition, Long> committedOffsets = new HashMap<>();
        boolean refusing;
        int commits;

        Broker() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            if (refusing) {
                throw new RebalanceInProgressException("the group is rebalancing");
            }
            commits++;
            offsets.forEach((partition, offset) -> committedOffsets.put(partition, offset.offset()));
        }

        Long committedOffset(TopicPartition partition) {
            return committedOffsets.get(partition);
        }
    }
}
