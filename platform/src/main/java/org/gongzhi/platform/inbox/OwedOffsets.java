package org.gongzhi.platform.inbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumer's offset commits, keeping what failed until it is committed ({@link RetriedCommits}).
 * <p>
 * {@link #consumer()} is the connector's consumer with its {@code commit} passing through here: each commit also
 * carries the offsets still owed, and what fails is owed in its turn. Every commit runs on the consumer's polling
 * thread, one after another, so an owed offset never goes out after a newer one of its partition (a partition's
 * committed offset never moves back).
 */
final class OwedOffsets {
    private final KafkaConsumer<?, ?> consumer;
    private final KafkaConsumer<?, ?> passingThrough;
    private final Map<TopicPartition, OffsetAndMetadata> owed = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();

    OwedOffsets(KafkaConsumer<?, ?> consumer) {
        this.consumer = consumer;
        this.passingThrough = (KafkaConsumer<?, ?>) Proxy.newProxyInstance(KafkaConsumer.class.getClassLoader(),
                new Class<?>[] {KafkaConsumer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit") && args != null && args.length == 1) {
                        @SuppressWarnings("unchecked")
                        Map<TopicPartition, OffsetAndMetadata> offsets = (Map<TopicPartition, OffsetAndMetadata>) args[0];
                        return commit(offsets);
                    }
                    try {
                        return method.invoke(consumer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The consumer to give the connector's commit handler. */
    KafkaConsumer<?, ?> consumer() {
        return passingThrough;
    }

    /** Whether a commit failed and has not been made good since. */
    boolean any() {
        return !owed.isEmpty();
    }

    /** Tries the owed offsets again. */
    Uni<Void> settle() {
        return commit(Map.of());
    }

    /** The partitions moved to another owner (or came back): what was owed of them is no longer this one's to pay. */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            owed.remove(partition);
            committed.remove(partition);
        });
    }

    Uni<Void> commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return onPollingThread(consumer, offsets);
    }

    private <K, V> Uni<Void> onPollingThread(KafkaConsumer<K, V> kafka, Map<TopicPartition, OffsetAndMetadata> offsets) {
        java.util.function.Consumer<Consumer<K, V>> pay = polling -> pay(polling, offsets);
        return kafka.runOnPollingThread(pay);
    }

    /** On the polling thread: commits {@code offsets} with what is owed, newest per partition; owes it on failure. */
    void pay(Consumer<?, ?> polling, Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>(owed);
        offsets.forEach((partition, offset) -> due.merge(partition, offset, OwedOffsets::newer));
        due.entrySet().removeIf(e -> e.getValue().offset() <= committed.getOrDefault(e.getKey(), -1L));
        if (due.isEmpty()) {
            return;
        }
        try {
            polling.commitSync(due);
        } catch (RuntimeException failed) {
            due.forEach((partition, offset) -> owed.merge(partition, offset, OwedOffsets::newer));
            throw failed;
        }
        due.forEach((partition, offset) -> committed.merge(partition, offset.offset(), Math::max));
        owed.entrySet().removeIf(e -> e.getValue().offset() <= committed.getOrDefault(e.getKey(), -1L));
    }

    private static OffsetAndMetadata newer(OffsetAndMetadata a, OffsetAndMetadata b) {
        return a.offset() >= b.offset() ? a : b;
    }
}
