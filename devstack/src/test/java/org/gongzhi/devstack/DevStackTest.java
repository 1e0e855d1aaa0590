package org.gongzhi.devstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One stack in a temporary folder: Kafka, topics, databases, configuration, and that close() leaves nothing. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackTest {
    static final List<String> TOPICS = List.of("gongzhi.requests", "gongzhi.tasks", "gongzhi.volunteering",
            "gongzhi.deliberation", "gongzhi.warnings");

    static DevStack stack;

    @BeforeAll
    static void start() {
        stack = DevStack.start(DevStack.Options.defaults());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void topicsAndTheirDeadLettersExistWithSixPartitions() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            List<String> expected = new ArrayList<>(TOPICS);
            TOPICS.forEach(t -> expected.add(t + ".dlq"));
            Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get();
            assertEquals(Set.copyOf(expected), topics.keySet());
            topics.values().forEach(d -> assertEquals(6, d.partitions().size(), d.name()));
        }
    }

    @Test
    @Order(2)
    void aRecordGoesRoundTripOnTheRequestsTopic() throws Exception {
        String key = "r-" + UUID.randomUUID();
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>("gongzhi.requests", key, "{\"hello\":\"和平里\"}")).get();
        }
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of("gongzhi.requests"));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        seen.add(r);
                    }
                });
                return !seen.isEmpty();
            });
        }
        assertEquals("{\"hello\":\"和平里\"}", seen.get(0).value());
    }

    @Test
    @Order(3)
    void eachDatabaseAcceptsTheGongzhiUser() throws Exception {
        for (String db : List.of("requests", "alliance", "volunteers", "notifications")) {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(db), "gongzhi", "gongzhi");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select current_user, current_database(), version()")) {
                assertTrue(rs.next());
                assertEquals("gongzhi", rs.getString(1));
                assertEquals(db, rs.getString(2));
                assertTrue(rs.getString(3).startsWith("PostgreSQL 17"), rs.getString(3));
                s.execute("create table if not exists probe (id int primary key)");
            }
        }
        stack.ensureDatabase("extra_db");
        stack.ensureDatabase("extra_db");
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("extra_db"), "gongzhi", "gongzhi")) {
            assertTrue(c.isValid(2));
        }
    }

    @Test
    @Order(4)
    void serviceConfigAndEnvironmentNameEverythingAServiceNeeds() throws Exception {
        Map<String, String> config = stack.serviceConfig("requests");
        assertEquals(stack.kafkaBootstrap(), config.get("kafka.bootstrap.servers"));
        assertTrue(stack.kafkaBootstrap().matches("localhost:\\d+"));
        assertEquals(stack.jdbcUrl("requests"), config.get("quarkus.datasource.jdbc.url"));
        assertTrue(config.get("quarkus.datasource.jdbc.url").matches("jdbc:postgresql://localhost:\\d+/requests"));
        assertTrue(config.get("quarkus.datasource.reactive.url").matches("postgresql://localhost:\\d+/requests"));
        assertEquals("gongzhi", config.get("quarkus.datasource.username"));
        assertEquals("gongzhi", config.get("quarkus.datasource.password"));
        assertEquals(DevTokens.ISSUER, config.get("mp.jwt.verify.issuer"));
        assertEquals(DevTokens.publicKeyPem(),
                Files.readString(Path.of(config.get("mp.jwt.verify.publickey.location"))));

        Map<String, String> env = stack.serviceEnv("requests");
        assertEquals(Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "MP_JWT_VERIFY_ISSUER"), env.keySet());
        assertEquals(config.get("quarkus.datasource.jdbc.url"), env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(Files.readAllLines(stack.dataDir().resolve("devstack.pids")).stream()
                .map(l -> l.split(" ")[1]).collect(Collectors.toSet())
                .containsAll(Set.of(String.valueOf(stack.kafkaPid()), String.valueOf(stack.postgresPid()))));
    }

    @Test
    @Order(5)
    void aBrokerAndADatabaseKilledWithSigkillComeBackOnTheirData() throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("requests"), "gongzhi", "gongzhi");
                Statement s = c.createStatement()) {
            s.execute("insert into probe (id) values (5) on conflict do nothing");
        }
        long postgres = stack.postgresPid();
        stack.killPostgres();
        assertTrue(ProcessHandle.of(postgres).isEmpty(), "the postmaster is gone");
        stack.restartPostgres();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("requests"), "gongzhi", "gongzhi");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from probe where id = 5")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "the committed row survived the crash");
        }

        long kafka = stack.brokerPid(1);
        stack.killBroker(1);
        assertTrue(ProcessHandle.of(kafka).isEmpty(), "the broker is gone");
        stack.restartBroker(1);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor("gongzhi.requests", Duration.ofSeconds(30))
                    .stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            long records = consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                    .mapToLong(Long::longValue).sum();
            assertTrue(records >= 1, "the record sent before the crash is still on the topic");
        }
    }

    @Test
    @Order(6)
    void closeLeavesNoKafkaAndNoPostgresBehind() {
        long kafka = stack.kafkaPid();
        long postgres = stack.postgresPid();
        Path dataDir = stack.dataDir();
        assertTrue(ProcessHandle.of(kafka).isPresent());
        assertTrue(ProcessHandle.of(postgres).isPresent());
        stack.close();
        stack = null;
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(kafka).isEmpty()
                && ProcessHandle.of(postgres).isEmpty());
        assertFalse(Files.exists(dataDir), "the temporary data folder is deleted");
    }
}
