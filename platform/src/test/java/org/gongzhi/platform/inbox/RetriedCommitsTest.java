package org.gongzhi.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the commit handler does when the commit of partitions being given up is refused: a consumer closing while its
 * group rebalances (a service's consumers share its group, and a stop closes them one after another) must still leave
 * the group, or the group holds its partitions unread for session.timeout.ms.
 */
class RetriedCommitsTest {
    private static final List<TopicPartition> VOLUNTEERING = List.of(new TopicPartition("gongzhi.volunteering", 0),
            new TopicPartition("gongzhi.volunteering", 1));

    private final Vertx vertx = Vertx.vertx();
    private final List<Collection<TopicPartition>> revoked = new ArrayList<>();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void aRefusedCommitOfPartitionsGivenUpDoesNotFailTheHandOver() {
        RetriedCommits.Handler handler = handler(new RebalanceInProgressException("the group is rebalancing"));

        assertDoesNotThrow(() -> handler.partitionsRevoked(VOLUNTEERING));
        assertEquals(List.of(VOLUNTEERING), revoked);
    }

    @Test
    void aWakeupStillReachesThePollingLoop() {
        RetriedCommits.Handler handler = handler(new WakeupException());

        assertThrows(WakeupException.class, () -> handler.partitionsRevoked(VOLUNTEERING));
    }

    /** A handler over a throttled strategy whose commit on revocation throws {@code refusal}. */
    private RetriedCommits.Handler handler(RuntimeException refusal) {
        KafkaCommitHandler throttled = (KafkaCommitHandler) Proxy.newProxyInstance(
                KafkaCommitHandler.class.getClassLoader(), new Class<?>[] {KafkaCommitHandler.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("partitionsRevoked")) {
                        @SuppressWarnings("unchecked")
                        Collection<TopicPartition> partitions = (Collection<TopicPartition>) args[0];
                        revoked.add(partitions);
                        throw refusal;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        KafkaConsumer<?, ?> consumer = (KafkaConsumer<?, ?>) Proxy.newProxyInstance(
                KafkaConsumer.class.getClassLoader(), new Class<?>[] {KafkaConsumer.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        return new RetriedCommits.Handler(vertx, throttled, new OwedOffsets(consumer), -1, "volunteering");
    }
}
