package org.gongzhi.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;

/** Puts events on their topics as the other services would: CloudEvents headers, key = aggregate id. */
@ApplicationScoped
class Publisher {
    private final ObjectMapper json;

    Publisher(ObjectMapper json) {
        this.json = json;
    }

    /** Publishes with a fresh event id, which it returns. */
    String publish(GongzhiEvent event) {
        return publish(UUID.randomUUID().toString(), event);
    }

    String publish(String eventId, GongzhiEvent event) {
        EventType type = EventType.of(event.getClass());
        try {
            KafkaProbe.publish(type.topic(), event.aggregateId(), eventId, type.ceType(),
                    json.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /**
     * Publishes many events through one producer, each with a fresh event id and its own key and headers as
     * {@link KafkaProbe#publish} gives them: a backlog in one round trip rather than one producer per event.
     */
    void publishAll(List<? extends GongzhiEvent> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevstackResource.stack().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<?>> sent = new ArrayList<>();
            for (GongzhiEvent event : events) {
                EventType type = EventType.of(event.getClass());
                RecordHeaders headers = new RecordHeaders();
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type.ceType(),
                                "ce_source", "test", "ce_subject", event.aggregateId(), "ce_time",
                                Instant.now().toString())
                        .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(new ProducerRecord<>(type.topic(), null, event.aggregateId(),
                        json.writeValueAsString(event), headers)));
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The demo community's estate as the registry publishes it: buildings 1..32 of the community in rows of eight.
     * Version 1 each, so publishing it again changes nothing; callers wait for the map to show it.
     */
    void demoEstate() {
        demoEstate("hepingli");
    }

    void demoEstate(String community) {
        List<GongzhiEvent> buildings = new ArrayList<>();
        for (int n = 1; n <= 32; n++) {
            buildings.add(new org.gongzhi.events.BuildingRegistered(community, String.valueOf(n), n + "号楼", 6,
                    (n - 1) % 8, (n - 1) / 8, List.of(), 1, Instant.parse("2026-12-01T00:00:00Z")));
        }
        publishAll(buildings);
    }
}
