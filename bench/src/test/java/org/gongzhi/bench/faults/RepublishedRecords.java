package org.gongzhi.bench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.events.EventType;
import org.gongzhi.events.Topics;

/**
 * Breaks "one event, one effect" from outside: a few lead tasks assigned to the property company (whose webhook the
 * demo registers) are published again, unchanged but for a fresh CloudEvents id, as a producer that re-sends without
 * its id would. No inbox can know them for the same event, so their effects happen twice and the checker must count
 * them.
 */
final class RepublishedRecords implements Scenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HOW_MANY = 3;

    @Override
    public String name() {
        return "republished-with-fresh-ids";
    }

    @Override
    public String fault() {
        return HOW_MANY + " lead tasks of the property company published again with fresh CloudEvents ids";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration quickDuration() {
        return duration();
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        String bootstrap = system.stack().kafkaBootstrap();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> chosen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TASKS, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // only what the load assigns from now on
            while (chosen.size() < HOW_MANY && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (chosen.size() < HOW_MANY && EventType.TASK_ASSIGNED.ceType().equals(header(r, "ce_type"))
                            && "property".equals(JSON.readTree(r.value()).path("organisationId").asText())
                            && "LEAD".equals(JSON.readTree(r.value()).path("role").asText())) {
                        chosen.add(r);
                    }
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no lead task of the property company was assigned in " + duration);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (ConsumerRecord<String, String> r : chosen) {
                ProducerRecord<String, String> again = new ProducerRecord<>(r.topic(), r.key(), r.value());
                for (Header h : r.headers()) {
                    again.headers().add(h.key(), h.key().equals("ce_id")
                            ? UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8) : h.value());
                }
                producer.send(again).get(30, TimeUnit.SECONDS);
            }
        }
        Scenario.until(end);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
