package org.gongzhi.devstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Three brokers and a controller: replication, and each broker killed, paused, stopped and brought back. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaClusterTest {
    static DevStack stack;

    @BeforeAll
    static void start() {
        stack = DevStack.start(DevStack.Options.defaults().withBrokers(3).withDatabases(List.of()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyTopicIsOnThreeBrokersAndNeedsTwoInSync() throws Exception {
        assertEquals(3, stack.brokerCount());
        assertEquals(List.of(stack.brokerAddress(1), stack.brokerAddress(2), stack.brokerAddress(3)),
                List.of(stack.kafkaBootstrap().split(",")));
        try (Admin admin = admin()) {
            assertEquals(Set.of(1, 2, 3), admin.describeCluster().nodes().get().stream().map(Node::id)
                    .collect(Collectors.toSet()));
            Map<String, TopicDescription> topics = admin.describeTopics(DevStackTest.TOPICS).allTopicNames().get();
            topics.values().forEach(t -> t.partitions().forEach(p -> {
                assertEquals(3, p.replicas().size(), t.name() + "-" + p.partition());
                assertEquals(3, p.isr().size(), t.name() + "-" + p.partition());
            }));
            ConfigResource requests = new ConfigResource(ConfigResource.Type.TOPIC, "gongzhi.requests");
            Config config = admin.describeConfigs(List.of(requests)).all().get().get(requests);
            assertEquals("2", config.get("min.insync.replicas").value());
        }
    }

    @Test
    @Order(2)
    void consumerOffsetsAreReplicatedThreeTimes() throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "cluster-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props); Admin admin = admin()) {
            consumer.subscribe(List.of("gongzhi.requests"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                        .names().get().contains("__consumer_offsets");
            });
            TopicDescription offsets = admin.describeTopics(List.of("__consumer_offsets")).allTopicNames().get()
                    .get("__consumer_offsets");
            offsets.partitions().forEach(p -> assertEquals(3, p.replicas().size()));
        }
    }

    @Test
    @Order(3)
    void writesGoOnWithOneBrokerKilledAndItRejoins() throws Exception {
        long pid = stack.brokerPid(2);
        stack.killBroker(2);
        assertFalse(stack.brokerAlive(2));
        assertTrue(ProcessHandle.of(pid).isEmpty());
        assertEquals(5, sendAll(5).size(), "acks=all with two of three in sync");

        stack.restartBroker(2);
        assertTrue(stack.brokerAlive(2));
        try (Admin admin = admin()) {
            assertTrue(admin.describeCluster().nodes().get().stream().anyMatch(n -> n.id() == 2));
        }
    }

    @Test
    @Order(4)
    void aPausedBrokerFreezesUntilResumedAndAStoppedOneComesBack() throws Exception {
        long pid = stack.brokerPid(3);
        stack.pauseBroker(3);
        // a signal is delivered when the kernel next schedules the process: on a busy machine the state changes a
        // moment after kill(1) returns
        await().atMost(Duration.ofSeconds(10)).until(() -> state(pid) == 'T');
        stack.resumeBroker(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(pid) != 'T');
        assertTrue(stack.brokerAlive(3));

        stack.stopBroker(1);
        assertFalse(stack.brokerAlive(1));
        assertEquals(3, sendAll(3).size());
        stack.restartBroker(1);
        assertTrue(stack.brokerAlive(1));
    }

    /** The process's state letter in /proc (T: stopped by a signal); '?' when it is gone. */
    private static char state(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
        } catch (java.io.IOException e) {
            return '?';
        }
    }

    private static List<RecordMetadata> sendAll(int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        List<RecordMetadata> acked = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>("gongzhi.tasks", "k" + i, "{}")));
            }
            for (Future<RecordMetadata> f : sent) {
                acked.add(f.get(60, TimeUnit.SECONDS));
            }
        }
        return acked;
    }

    private static Admin admin() {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
    }
}
