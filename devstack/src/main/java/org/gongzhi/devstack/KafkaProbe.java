package org.gongzhi.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes real topics the way another service would. */
public final class KafkaProbe {
    private KafkaProbe() {
    }

    /** Every record on the topic whose key is {@code key}, read from the beginning until {@code done} holds. */
    public static List<ConsumerRecord<String, String>> records(String topic, String key,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevstackResource.stack().kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline) && !done.test(found)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Publishes a CloudEvent in binary mode, as another service's outbox relay would. */
    public static void publish(String topic, String key, String ceId, String ceType, String json) {
        publishTogether(topic, key, List.of(new Outgoing(ceId, ceType, json)));
    }

    /**
     * Publishes the estate registry's record of a community withdrawing a category ({@code withdrawn} true) or taking
     * it back, as request-service would; returns its {@code ce_id}.
     */
    public static String publishCategoryAvailability(String community, String code, boolean withdrawn, long version) {
        String id = UUID.randomUUID().toString();
        publish(org.gongzhi.events.Topics.ESTATE_CATEGORIES,
                org.gongzhi.events.CategoryAvailabilityChanged.key(community, code), id,
                "gongzhi.estate.category.availability-changed.v1", """
                        {"communityId": "%s", "code": "%s", "withdrawn": %s, "version": %d,
                         "changedAt": "2026-12-07T08:00:00Z"}""".formatted(community, code, withdrawn, version));
        return id;
    }

    /** An event a test publishes as if a service had: its {@code ce_id}, {@code ce_type} and JSON data. */
    public record Outgoing(String ceId, String ceType, String json) {
    }

    /**
     * Publishes the events with one key in one produce request, so they land in one record batch and a consumer
     * receives them in one poll.
     */
    public static void publishTogether(String topic, String key, List<Outgoing> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevstackResource.stack().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1_000);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<?>> sent = new ArrayList<>();
            for (Outgoing event : events) {
                RecordHeaders headers = new RecordHeaders();
                Map.of("ce_specversion", "1.0", "ce_id", event.ceId(), "ce_type", event.ceType(), "ce_source",
                                "test", "ce_subject", key, "ce_time", Instant.now().toString())
                        .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(new ProducerRecord<>(topic, null, key, event.json(), headers)));
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
