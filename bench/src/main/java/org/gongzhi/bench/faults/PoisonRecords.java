package org.gongzhi.bench.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.events.EventType;
import org.gongzhi.events.Topics;

/**
 * A poison record on every topic, halfway through the load: a known CloudEvents type whose data is not JSON, as a
 * broken producer would write it. Every consumer must put it on {@code <topic>.dlq} with a reason and keep the
 * partition flowing.
 */
final class PoisonRecords implements Scenario {
    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "poison";
    }

    @Override
    public String fault() {
        return "one record per topic whose data is not JSON (a known event type), halfway through the load";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Duration quickDuration() {
        return Duration.ofSeconds(10);
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        Scenario.until(System.nanoTime() + duration.toNanos() / 2);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String topic : Topics.ALL) {
                EventType type = Arrays.stream(EventType.values()).filter(t -> t.topic().equals(topic)).findFirst()
                        .orElseThrow();
                String id = UUID.randomUUID().toString();
                String key = UUID.randomUUID().toString();
                ProducerRecord<String, String> poison = new ProducerRecord<>(topic, key, "{\"communityId\": \"hep");
                header(poison, "ce_specversion", "1.0");
                header(poison, "ce_id", id);
                header(poison, "ce_type", type.ceType());
                header(poison, "ce_source", "/gongzhi/faults");
                header(poison, "ce_subject", key);
                header(poison, "ce_time", Instant.now().toString());
                header(poison, "content-type", "application/json");
                producer.send(poison).get(30, TimeUnit.SECONDS);
                poisoned.add(id);
            }
        }
        Scenario.until(end);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Set<String> expectedDeadLetters() {
        return Set.copyOf(poisoned);
    }
}
