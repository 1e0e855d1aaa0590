package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;

import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gongzhi.devstack.ConsumerLag;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.events.Topics;

/** What the fault tests ask of the running system: filing a backlog, a request's status, lag, dead letters. */
final class SystemProbes {

    private SystemProbes() {
    }

    /** Every party finishes its task on the request, as the partners would through alliance-service. */
    /** A volunteer's availability every day, all day: the JSON array's items, for a volunteer registered in a test. */
    static String allWeek() {
        StringBuilder days = new StringBuilder();
        for (String day : new String[] {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"}) {
            days.append(days.length() == 0 ? "" : ", ")
                    .append("{\"day\": \"%s\", \"from\": \"00:00\", \"to\": \"24:00\"}".formatted(day));
        }
        return days.toString();
    }

    static void completeEveryTask(String alliance, String requestId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(alliance)
                .auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId).then().statusCode(200)
                .body("tasks.size()", greaterThan(0)));
        List<String> tasks = given().baseUri(alliance).auth().oauth2(DevTokens.worker())
                .get("/api/cases/" + requestId).then().extract().jsonPath().getList("tasks.id");
        for (String task : tasks) {
            given().baseUri(alliance).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                    .body(Map.of("note", "收到")).post("/api/tasks/" + task + "/acknowledge").then().statusCode(200);
            given().baseUri(alliance).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                    .body(Map.of("note", "修好了")).post("/api/tasks/" + task + "/complete").then().statusCode(200);
        }
    }

    /** Files {@code count} water leaks spread over the estate's buildings; returns their ids. */
    static List<String> fileLeaks(URI requests, int count, String label) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .contentType(ContentType.JSON)
                    .body("{\"category\": \"water-leak\", \"description\": \"" + label + " " + i + "\", "
                            + "\"building\": \"" + (i % 32 + 1) + "\"}")
                    .post("/api/requests").then().statusCode(201).extract().<String>path("id"));
        }
        return ids;
    }

    static String status(URI requests, String id) {
        return given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                .get("/api/requests/" + id).then().statusCode(200).extract().path("status");
    }

    static boolean hasTask(URI alliance, String requestId) {
        return given().baseUri(alliance.toString()).auth().oauth2(DevTokens.worker())
                .queryParam("requestId", requestId).get("/api/tasks")
                .then().statusCode(200).extract().<Integer>path("total") > 0;
    }

    /** Records not yet consumed by the services' consumer groups, over all their topics. */
    static long lag(LocalSystem system) throws Exception {
        return lag(system, ConsumerLag.GROUPS);
    }

    /** Records alliance-service's consumer group has not yet consumed, over every topic it reads. */
    static long allianceLag(LocalSystem system) throws Exception {
        return lag(system, List.of("alliance-service"));
    }

    private static long lag(LocalSystem system, List<String> groups) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrap()))) {
            long lag = 0;
            for (String group : groups) {
                lag += ConsumerLag.of(admin, group);
            }
            return lag;
        }
    }

    /** How many records all the dead-letter topics hold. */
    static long deadLetterCount(LocalSystem system) {
        try (KafkaConsumer<String, String> consumer = consumer(system)) {
            long count = 0;
            for (String topic : Topics.ALL) {
                List<TopicPartition> partitions = partitions(consumer, Topics.deadLetter(topic));
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                    count += end.getValue() - begin.get(end.getKey());
                }
            }
            return count;
        }
    }

    /** The records on the dead-letter topic, read to its end, whose key is one of {@code keys}. */
    static List<String> deadLettered(LocalSystem system, String topic, Set<String> keys) {
        return keyed(system, topic, keys).stream().map(r -> r.key() + "@" + r.offset()).toList();
    }

    /** The values of the records on the topic, read to its end, whose key is {@code key}, oldest first. */
    static List<String> published(LocalSystem system, String topic, String key) {
        return keyed(system, topic, Set.of(key)).stream().map(ConsumerRecord::value).toList();
    }

    private static List<ConsumerRecord<String, String>> keyed(LocalSystem system, String topic, Set<String> keys) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(system)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<String, String> consumer(LocalSystem system) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
