package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.gongzhi.devstack.ServiceProcess;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * alliance-service is stopped the ordinary way (SIGTERM, as a deploy does) while it works through a backlog: the
 * batches it had in flight are neither lost nor dead-lettered, and after it starts again every request is assigned
 * once. (Before, the pool closing under those batches made their retries fail and sent the events to the
 * dead-letter topic.)
 */
class GracefulRestartIT {
    /**
     * Enough for several batches in flight when the stop comes; kept well under the dashboard's 500 open requests,
     * since this backlog stays open in the shared demo community (the board shows the 500 most urgent only).
     */
    private static final int REQUESTS = 300;

    @Test
    void aGracefulStopInTheMiddleOfABacklogLosesNothingAndDeadLettersNothing() {
        LocalSystem system = SystemUnderTest.get();
        URI requests = system.url(Service.REQUEST);
        ServiceProcess alliance = system.service(Service.ALLIANCE);

        alliance.stop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            ids.add(given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .contentType(ContentType.JSON)
                    .body("{\"category\": \"water-leak\", \"description\": \"backlog " + i + "\", \"building\": \""
                            + (i % 32 + 1) + "\"}")
                    .post("/api/requests").then().statusCode(201).extract().<String>path("id"));
        }
        alliance.start().awaitReady(Duration.ofSeconds(120));
        // the backlog is being applied (its first batch has committed): stop in the middle of it
        URI tasks = system.url(Service.ALLIANCE);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                ids.stream().anyMatch(id -> hasTask(tasks, id)));
        alliance.stop();
        alliance.start().awaitReady(Duration.ofSeconds(120));

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(status(requests, id)).as(id).isEqualTo("ASSIGNED");
            }
        });
        for (String id : ids) {
            JsonPath request = given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .get("/api/requests/" + id).then().extract().jsonPath();
            assertThat(request.getList("tasks.findAll { it.role == 'LEAD' }")).as("one lead task for " + id)
                    .hasSize(1);
        }
        assertThat(deadLettered(system, Topics.deadLetter(Topics.REQUESTS), new HashSet<>(ids))).isEmpty();
        // the other services work through the backlog's events too: leave the shared system as it was found, idle
        await().atMost(Duration.ofSeconds(180)).until(() -> lag(system) == 0);
    }

    /** Records not yet consumed by the services' consumer groups, over all their topics. */
    private static long lag(LocalSystem system) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrap()))) {
            long lag = 0;
            for (String group : ConsumerLag.GROUPS) {
                lag += ConsumerLag.of(admin, group);
            }
            return lag;
        }
    }

    private static boolean hasTask(URI alliance, String requestId) {
        return given().baseUri(alliance.toString()).auth().oauth2(DevTokens.worker())
                .queryParam("requestId", requestId).get("/api/tasks")
                .then().statusCode(200).extract().<Integer>path("total") > 0;
    }

    private static String status(URI requests, String id) {
        return given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                .get("/api/requests/" + id).then().statusCode(200).extract().path("status");
    }

    /** The records on the dead-letter topic, read to its end, whose key is one of {@code keys}. */
    private static List<String> deadLettered(LocalSystem system, String topic, Set<String> keys) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(r.key())) {
                        found.add(r.key() + "@" + r.offset());
                    }
                }
            }
        }
        return found;
    }
}
