package org.gongzhi.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static java.util.stream.Collectors.joining;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gongzhi.devstack.DemoCommunity;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.SseClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The compose stack in containers (deploy/compose/compose.yaml, the images of deploy/images), started by Testcontainers
 * on a Docker-compatible engine: the demo community loads, a leak walks through all four services, and alliance-service
 * scaled to two replicas while requests flow assigns every request exactly once, both replicas consuming.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerSystemIT {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerSystemIT.class);
    private static final String ALLIANCE = "alliance-service";
    /** How often Micrometer's Kafka binder registers the metrics a Kafka client added since (its default). */
    private static final Duration METRICS_REFRESH = Duration.ofSeconds(60);
    private static ComposeStack stack;

    @BeforeAll
    static void startTheComposeStack() throws Exception {
        Path root = Path.of(System.getProperty("gongzhi.root", "../..")).toAbsolutePath().normalize();
        Images.build(root, System.getProperty("gongzhi.engine", "podman"),
                System.getProperty("gongzhi.jre.image", "localhost/gongzhi/jre:17"));
        Path composeDir = root.resolve("deploy/compose");
        String envFile = System.getProperty("gongzhi.compose.env", "");
        ComposeFile compose = ComposeFile.read(composeDir.resolve("compose.yaml"), envFile.isBlank() ? null : Path.of(envFile));
        // the services verify tokens against devstack's key here, as an operator's would against their issuer's
        Path key = DevTokens.writePublicKey(root.resolve("deploy/container-test/target/jwt-public-key.pem"));
        // alliance-service's replicas log which partitions their consumers are given and lose (Quarkus keeps the Kafka
        // client at WARN), to read in target/containers/alliance-service-<n>.log
        Map<String, Map<String, String>> environment = Map.of(ALLIANCE,
                Map.of("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_CLIENTS_CONSUMER_INTERNALS__LEVEL", "INFO"));
        stack = new ComposeStack(compose, composeDir, Map.of("/etc/gongzhi/jwt-public-key.pem", key.toString()),
                environment, root.resolve("deploy/container-test/target/containers")).start();
    }

    @AfterAll
    static void stopIt() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theDemoCommunityLoadsThroughTheServicesApis() {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String service : List.of("request-service", ALLIANCE, "volunteer-service", "notification-service")) {
            urls.put(service, stack.url(service));
        }
        DemoCommunity.load(urls, DevTokens.admin());

        given().baseUri(stack.url("request-service").toString()).auth().oauth2(DevTokens.worker())
                .get("/api/estate/buildings").then().statusCode(200).body("code", hasItem("7"));
        given().baseUri(stack.url(ALLIANCE).toString()).auth().oauth2(DevTokens.worker())
                .get("/api/organisations").then().statusCode(200).body("id", hasItems("office", "property"));
        given().baseUri(stack.url("volunteer-service").toString()).auth().oauth2(DevTokens.worker())
                .get("/api/teams").then().statusCode(200).body("$", not(empty()));
    }

    @Test
    @Order(2)
    void aLeakWalksThroughAllFourServices() {
        URI requests = stack.url("request-service");
        try (SseClient stream = new SseClient(stack.url("notification-service").resolve("/api/stream"),
                Map.of("Authorization", "Bearer " + DevTokens.worker()))) {
            String id = given().baseUri(requests.toString()).auth().oauth2(DevTokens.resident("resident-zhang"))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"category": "water-leak", "description": "楼上漏水，卫生间天花板滴水", "building": "7",
                             "unit": "2", "household": "301"}""")
                    .post("/api/requests").then().statusCode(201).extract().path("id");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                            .then().statusCode(200)
                            .body("status", equalTo("ASSIGNED"))
                            .body("tasks.find { it.organisationId == 'property' }.role", equalTo("LEAD")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(stream.events()).anyMatch(e -> e.data().contains("gongzhi.task.assigned.v1")
                            && e.data().contains(id)));
        }
    }

    @Test
    @Order(3)
    void allianceScaledToTwoReplicasMidFlowAssignsEveryRequestExactlyOnce() {
        URI requests = stack.url("request-service");
        List<String> ids = new ArrayList<>(fileLeaks(requests, 20, "before scaling"));
        CompletableFuture<GenericContainer<?>> second = CompletableFuture.supplyAsync(() -> stack.scaleUp(ALLIANCE));
        // leaks keep coming while the second replica starts, five a second: as fast as one client could file them
        // (about 240 here) they only slowed the new replica's start on two cores and lengthened the checks below
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).pollInSameThread().until(() -> {
            if (!second.isDone()) {
                ids.addAll(fileLeaks(requests, 5, "while scaling"));
            }
            return second.isDone();
        });
        GenericContainer<?> secondReplica = second.join();
        LOG.info("the second alliance-service replica is ready; {} leaks filed so far", ids.size());
        List<GenericContainer<?>> replicas = stack.replicas(ALLIANCE);
        assertThat(replicas).hasSize(2);
        // ready is not yet a member with partitions: the group rebalances a few seconds after the new consumers join,
        // and leaks filed before that all go to the first replica (seen here: the second one then consumed nothing)
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(assignedRequestPartitions(secondReplica)).as("partitions of gongzhi.requests assigned to "
                        + secondReplica.getContainerName() + " (the second replica)").isPositive());
        Map<GenericContainer<?>, Double> consumedBefore = new LinkedHashMap<>();
        replicas.forEach(r -> consumedBefore.put(r, recordsConsumed(metrics(r))));
        ids.addAll(fileLeaks(requests, 40, "two replicas"));

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                        .get("/api/requests/" + id).then().statusCode(200).extract().<String>path("status"))
                        .as(id).isEqualTo("ASSIGNED");
            }
        });
        for (String id : ids) {
            JsonPath request = given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .get("/api/requests/" + id).then().extract().jsonPath();
            assertThat(request.getList("tasks.findAll { it.role == 'LEAD' }.organisationId", String.class))
                    .as("one lead task for " + id).containsExactly("property");
            assertThat(request.getList("timeline.findAll { it.kind == 'TASK_ASSIGNED' }.text"))
                    .as("task entries of " + id).hasSize(request.getList("tasks").size());
            assertThat(request.getList("timeline.findAll { it.kind == 'STATUS' }.text", String.class))
                    .as("status entries of " + id).hasSize(1).allMatch(s -> s.startsWith("Status: ASSIGNED"));
        }
        // both replicas took part of the consumer group's partitions after the second one joined. Micrometer's Kafka
        // binder (KafkaClientMetrics, bound by Quarkus when a consumer is made) looks for new Kafka metrics once a
        // minute, and a consumer has a per-topic records-consumed metric only from its first fetch of that topic on:
        // the second replica's count for gongzhi.requests shows up to a minute after it consumed its first request.
        // (Read once, right after every request was ASSIGNED, it was still missing - a sum of 0 - in a CI run.)
        long checked = System.nanoTime();
        await().atMost(METRICS_REFRESH.plusSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (GenericContainer<?> replica : replicas) {
                String metrics = metrics(replica);
                assertThat(recordsConsumed(metrics)).as(() -> "records of gongzhi.requests consumed by "
                        + replica.getContainerName() + (replica == secondReplica ? " (the second replica)"
                        : " (the first replica)") + ", its consumers' metrics:\n" + consumerMetrics(metrics))
                        .isGreaterThan(consumedBefore.get(replica));
            }
        });
        LOG.info("both replicas' counts of gongzhi.requests grew, seen {} s after every request was checked",
                (System.nanoTime() - checked) / 1_000_000_000);
        for (GenericContainer<?> replica : replicas) {
            LOG.info("{}{}: {} records of gongzhi.requests consumed before the last 40 leaks, {} now",
                    replica.getContainerName(), replica == secondReplica ? " (the second replica)" : "",
                    consumedBefore.get(replica), recordsConsumed(metrics(replica)));
        }
    }

    private static List<String> fileLeaks(URI requests, int count, String label) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .contentType(ContentType.JSON)
                    .body("{\"category\": \"water-leak\", \"description\": \"" + label + " " + i + "\", "
                            + "\"building\": \"" + (i % 30 + 1) + "\"}")
                    .post("/api/requests").then().statusCode(201).extract().<String>path("id"));
        }
        return ids;
    }

    /**
     * The records a replica's Kafka consumers took from gongzhi.requests, from its Prometheus metrics (the client
     * also reports each topic's count under the name with '_' for '.', {@code topic="gongzhi_requests"}: not counted).
     */
    private static double recordsConsumed(String metrics) {
        return sum(metrics, "kafka_consumer_fetch_manager_records_consumed_total{", "topic=\"gongzhi.requests\"");
    }

    /** What a replica's consumers report of their partitions and records, to show when a check fails. */
    private static String consumerMetrics(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("kafka_consumer_coordinator_assigned_partitions{")
                || l.startsWith("kafka_consumer_fetch_manager_records_consumed_total{")).collect(joining("\n"));
    }

    /** The partitions the replica's consumers of gongzhi.requests (clients kafka-consumer-requests...) hold now. */
    private static double assignedRequestPartitions(GenericContainer<?> replica) {
        return sum(metrics(replica), "kafka_consumer_coordinator_assigned_partitions{", "kafka-consumer-requests");
    }

    /** The replica's Prometheus metrics (they need the operations role: an admin token). */
    private static String metrics(GenericContainer<?> replica) {
        return given().baseUri(stack.url(replica, ALLIANCE).toString()).auth().oauth2(DevTokens.admin())
                .get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double sum(String metrics, String name, String label) {
        return metrics.lines()
                .filter(l -> l.startsWith(name) && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
