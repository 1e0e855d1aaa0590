package org.gongzhi.notification.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.outbox.CloudEventHeaders;
import org.jboss.logging.Logger;

/**
 * Reads every topic the service consumes from its earliest offset up to its end as it was when the read began, with a
 * consumer of no group (nothing committed, the service's own group untouched). Topic after topic, requests last —
 * the harshest interleaving a replay could have — so a rebuild from it shows the read models do not depend on the
 * order between topics. A record that cannot be read (it went to the dead-letter topic when consumed) is skipped; a duplicate
 * {@code ce_id} is kept once. Blocking: call it off the event loop.
 */
@ApplicationScoped
public class TopicReader {
    private static final Logger LOG = Logger.getLogger(TopicReader.class);

    private final String bootstrap;
    private final ObjectMapper json;

    TopicReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ObjectMapper json) {
        this.bootstrap = bootstrap;
        this.json = json;
    }

    public List<InboundEvent<?>> readAll() {
        // the topics in reverse of the flow (deliberation, warnings, volunteering, tasks, requests): what a request
        // leads to is read before the request itself, the order a projection is least ready for
        Set<String> topics = new LinkedHashSet<>();
        EventType[] types = EventType.values();
        for (int i = types.length - 1; i >= 0; i--) {
            topics.add(types[i].topic());
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "notification-service-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<InboundEvent<?>> events = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos == null || infos.isEmpty()) {
                    continue;
                }
                List<TopicPartition> partitions = infos.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
                while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                        if (last == null || record.offset() >= last) {
                            continue;
                        }
                        decode(record).filter(e -> seen.add(e.id())).ifPresent(events::add);
                    }
                }
            }
        }
        return events;
    }

    private Optional<InboundEvent<?>> decode(ConsumerRecord<String, String> record) {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        Optional<EventType> type = Optional.ofNullable(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE))
                .flatMap(EventType::ofCeType);
        if (id == null || id.isBlank() || type.isEmpty()) {
            return Optional.empty();
        }
        try {
            GongzhiEvent data = json.readValue(record.value(), type.get().dataClass());
            String time = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME);
            return Optional.of(new InboundEvent<>(id, type.get(),
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE),
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT),
                    time == null ? null : Instant.parse(time), data));
        } catch (Exception e) {
            LOG.debugf("replay skips unreadable %s at %s-%d@%d", id, record.topic(), record.partition(),
                    record.offset());
            return Optional.empty();
        }
    }
}
