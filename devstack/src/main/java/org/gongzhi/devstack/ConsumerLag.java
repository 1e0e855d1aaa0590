package org.gongzhi.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the services' consumer groups are behind: records on the partitions they consume that they have not
 * committed as consumed. The services commit every few seconds, so a few records of lag at rest are normal.
 */
public final class ConsumerLag {
    /** The services' consumer groups (a group is named after its service). */
    public static final List<String> GROUPS = List.of("alliance-service", "request-service", "notification-service",
            "volunteer-service");

    private ConsumerLag() {
    }

    /** The group's lag over all its partitions; 0 for a group that has committed nothing yet. */
    public static long of(Admin admin, String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        return behind(admin, group).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The partitions on which the group is behind, with how many records each; empty when it is not. */
    public static Map<TopicPartition, Long> behind(Admin admin, String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, Long> behind = new LinkedHashMap<>();
        for (var e : committed.entrySet()) {
            if (e.getValue() != null && ends.containsKey(e.getKey())) {
                long lag = ends.get(e.getKey()).offset() - e.getValue().offset();
                if (lag > 0) {
                    behind.put(e.getKey(), lag);
                }
            }
        }
        return behind;
    }
}
