package org.gongzhi.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

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
import org.testcontainers.containers.GenericContainer;

/**
 * The compose stack in containers (deploy/compose/compose.yaml, the images of deploy/images), started by Testcontainers
 * on a Docker-compatible engine: the demo community loads, a leak walks through all four services, and alliance-service
 * scaled to two replicas while requests flow assigns every request exactly once, both replicas consuming.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerSystemIT {
    private static final String ALLIANCE = "alliance-service";
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
        stack = new ComposeStack(compose, composeDir, Map.of("/etc/gongzhi/jwt-public-key.pem", key.toString()),
                root.resolve("deploy/container-test/target/containers")).start();
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
        while (!second.isDone()) {
            ids.addAll(fileLeaks(requests, 5, "while scaling"));
        }
        GenericContainer<?> secondReplica = second.join();
        List<GenericContainer<?>> replicas = stack.replicas(ALLIANCE);
        assertThat(replicas).hasSize(2);
        // ready is not yet a member with partitions: the group rebalances a few seconds after the new consumers join,
        // and leaks filed before that all go to the first replica (seen here: the second one then consumed nothing)
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(assignedRequestPartitions(secondReplica)).as("partitions of gongzhi.requests assigned to "
                        + secondReplica.getContainerName() + " (the second replica)").isPositive());
        Map<GenericContainer<?>, Double> consumedBefore = new LinkedHashMap<>();
        replicas.forEach(r -> consumedBefore.put(r, recordsConsumed(r)));
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
        // both replicas took part of the consumer group's partitions after the second one joined
        for (GenericContainer<?> replica : replicas) {
            assertThat(recordsConsumed(replica)).as("records consumed by " + replica.getContainerName()
                    + (replica == secondReplica ? " (the second replica)" : " (the first replica)"))
                    .isGreaterThan(consumedBefore.get(replica));
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

    /** The replica's Kafka consumers' records consumed from gongzhi.requests, from its Prometheus metrics. */
    private static double recordsConsumed(GenericContainer<?> replica) {
        return sum(metrics(replica), "kafka_consumer_fetch_manager_records_consumed_total{", "topic=\"gongzhi.requests\"");
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
