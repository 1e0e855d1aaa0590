package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongzhi.system.SystemProbes.deadLetterCount;
import static org.gongzhi.system.SystemProbes.status;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.gongzhi.devstack.ConsumerLag;
import org.gongzhi.devstack.DemoCommunity;
import org.gongzhi.devstack.DevStack;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system as a cluster: three Kafka brokers (replication 3, two in sync needed), two instances each of
 * request-service and alliance-service. A burst of leaks is filed through both request-service instances; mid-burst one
 * broker and one alliance instance are SIGKILLed and neither comes back. Every accepted leak is still assigned once,
 * with one lead task, by the alliance instance left, which holds all the group's partitions after the rebalance; nothing
 * is dead-lettered. Its own system, not the shared one (it runs first, alphabetically, and stops before that starts).
 */
class ClusterIT {
    private static final int REQUESTS = 60;
    private static final String ALLIANCE_GROUP = "alliance-service";

    private static LocalSystem system;
    /** alliance-service's channels' consumers' client ids ({@code kafka-consumer-requests}; one with concurrency N
     * has N: {@code kafka-consumer-requests$1} …). */
    private static Set<String> allianceConsumers;

    @BeforeAll
    static void start() throws java.io.IOException {
        Path root = Path.of(System.getProperty("gongzhi.root", "..")).toAbsolutePath().normalize();
        allianceConsumers = consumerClientIds(
                root.resolve("alliance-service/src/main/resources/application.properties"));
        Path logs = root.resolve("system-tests/target/logs-cluster");
        system = LocalSystem.start(DevStack.Options.defaults().withBrokers(3), root, logs, false,
                // a killed instance's partitions move after 10 s, not Kafka's default 45 s
                Map.of("GONGZHI_KAFKA_SESSION_TIMEOUT_MS", "10000",
                        "GONGZHI_NOTIFICATIONS_SINK_DIR", logs.toString()),
                Map.of(Service.REQUEST, 2, Service.ALLIANCE, 2));
        loadEstateAndAlliance();
    }

    /**
     * What a leak needs to be routed, from the demo community: the estate's buildings, the alliance's organisations and
     * its routing rules (the whole demo day would cost this machine most of a minute more).
     */
    private static void loadEstateAndAlliance() {
        DemoCommunity demo = DemoCommunity.read();
        URI requests = system.url(Service.REQUEST);
        URI alliance = system.url(Service.ALLIANCE);
        demo.buildings().forEach(b -> create(requests, "/api/estate/buildings", b));
        demo.section("organisations").forEach(o -> create(alliance, "/api/organisations", o));
        demo.section("routingRules").forEach(r -> create(alliance, "/api/routing-rules", r));
    }

    private static void create(URI service, String path, Object body) {
        given().baseUri(service.toString()).auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(body.toString()).post(path).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aBrokerAndAnAllianceInstanceKilledMidBurstLoseNothingAndDoubleNothing() throws Exception {
        List<ServiceProcess> intake = system.instances(Service.REQUEST);
        ServiceProcess doomed = system.instance(Service.ALLIANCE, 1);
        ServiceProcess survivor = system.instance(Service.ALLIANCE, 2);
        assertThat(intake).extracting(ServiceProcess::name).containsExactly("request-service", "request-service-2");
        assertThat(survivor.name()).isEqualTo("alliance-service-2");
        // both instances are in the group: the instances run the same consumers, so every client id is there twice
        // (or an even number of times, should one instance's channel copies share theirs) — every channel's: on a busy
        // machine a channel's consumer joins the group a while after the others
        Map<String, Long> ofBoth = consumersByClientId(await().atMost(Duration.ofSeconds(60))
                .until(ClusterIT::allianceMembers, m -> !m.isEmpty() && ownsEveryRequestsPartition(m)
                        && coversEveryChannel(consumersByClientId(m).keySet())
                        && consumersByClientId(m).values().stream().allMatch(n -> n % 2 == 0)));
        Map<String, Long> ofOne = new java.util.HashMap<>();
        ofBoth.forEach((client, n) -> ofOne.put(client, n / 2));

        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Void>> faults = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            URI requests = URI.create(intake.get(i % 2).baseUrl());
            ids.add(given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .contentType(ContentType.JSON)
                    .body("{\"category\": \"water-leak\", \"description\": \"cluster leak " + i + "\", "
                            + "\"building\": \"" + (i % 32 + 1) + "\"}")
                    .post("/api/requests").then().statusCode(201).extract().<String>path("id"));
            if (i == REQUESTS / 4) {
                faults.add(CompletableFuture.runAsync(() -> system.stack().killBroker(2)));
            }
            if (i == REQUESTS / 2) {
                faults.add(CompletableFuture.runAsync(doomed::kill));
            }
        }
        faults.forEach(CompletableFuture::join);
        assertThat(system.stack().brokerAlive(2)).isFalse();
        assertThat(doomed.isAlive()).isFalse();

        URI requests = URI.create(intake.get(0).baseUrl());
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(status(requests, id)).as(id).isEqualTo("ASSIGNED");
            }
        });
        URI alliance = URI.create(survivor.baseUrl());
        for (String id : ids) {
            JsonPath request = given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .get("/api/requests/" + id).then().statusCode(200).extract().jsonPath();
            List<String> statusEntries = request.getList("timeline.findAll { it.kind == 'STATUS' }.text");
            assertThat(statusEntries).as("status entries of " + id).hasSize(1)
                    .allMatch(s -> s.startsWith("Status: ASSIGNED"));
            assertThat(request.getList("timeline.findAll { it.kind == 'TASK_ASSIGNED' }")).as("task entries of " + id)
                    .hasSize(request.getList("tasks").size());
            List<String> leads = given().baseUri(alliance.toString()).auth().oauth2(DevTokens.worker())
                    .queryParam("requestId", id).queryParam("role", "LEAD").get("/api/tasks")
                    .then().statusCode(200).extract().jsonPath().getList("items.organisationId");
            assertThat(leads).as("the alliance's lead tasks for " + id).containsExactly("property");
        }

        // the instance left is the whole group (half the consumers) and holds every partition of gongzhi.requests
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<MemberDescription> members = allianceMembers();
            assertThat(consumersByClientId(members)).as("the group's consumers by client id (both: %s)", ofBoth)
                    .isEqualTo(ofOne);
            assertThat(ownsEveryRequestsPartition(members)).as("the survivor owns every partition").isTrue();
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> allianceLag() == 0);
        assertThat(deadLetterCount(system)).as("records on the dead-letter topics").isZero();
    }

    private static List<MemberDescription> allianceMembers() throws Exception {
        try (Admin admin = admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(ALLIANCE_GROUP)).all()
                    .get(10, TimeUnit.SECONDS).get(ALLIANCE_GROUP);
            return List.copyOf(group.members());
        }
    }

    /** The client ids of a service's consumers: one per incoming channel of its configuration (SmallRye's naming). */
    private static Set<String> consumerClientIds(Path applicationProperties) throws java.io.IOException {
        java.util.Properties config = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(applicationProperties)) {
            config.load(in);
        }
        Set<String> ids = config.stringPropertyNames().stream()
                .map(java.util.regex.Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector")::matcher)
                .filter(java.util.regex.Matcher::matches).map(m -> "kafka-consumer-" + m.group(1))
                .collect(Collectors.toSet());
        assertThat(ids).as("the alliance's channels").contains("kafka-consumer-requests");
        return ids;
    }

    /** Every channel of the alliance has its consumer (or its copies) in the group. */
    private static boolean coversEveryChannel(Set<String> clientIds) {
        return allianceConsumers.stream().allMatch(channel -> clientIds.stream()
                .anyMatch(id -> id.equals(channel) || id.startsWith(channel + "$")));
    }

    private static Map<String, Long> consumersByClientId(List<MemberDescription> members) {
        return members.stream().collect(Collectors.groupingBy(MemberDescription::clientId, Collectors.counting()));
    }

    private static boolean ownsEveryRequestsPartition(List<MemberDescription> members) {
        Set<Integer> owned = members.stream().flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(tp -> tp.topic().equals(Topics.REQUESTS)).map(TopicPartition::partition)
                .collect(Collectors.toSet());
        return owned.size() == DevStack.Options.defaults().partitions();
    }

    private static long allianceLag() throws Exception {
        try (Admin admin = admin()) {
            return ConsumerLag.of(admin, ALLIANCE_GROUP);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrap(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }
}
