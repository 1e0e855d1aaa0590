package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.endsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.OrganisationType;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alliance's part of the walking skeleton: a submitted leak becomes tasks, once, over real Kafka. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class WalkingSkeletonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void alliance() {
        Fixtures.leakAlliance();
    }

    @Test
    void organisationIsRegisteredOnceAndListed() {
        String id = "unit-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"id": "%s", "name": "和平里小学", "nameEn": "Hepingli Primary School", "type": "AREA_UNIT"}"""
                .formatted(id);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(body)
                .post("/api/organisations")
                .then().statusCode(201).header("Location", endsWith("/api/organisations/" + id))
                .body("type", equalTo("AREA_UNIT")).body("nameEn", equalTo("Hepingli Primary School"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(body)
                .post("/api/organisations")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.worker()).get("/api/organisations")
                .then().statusCode(200).body("id", hasItem(id)).body("id", hasItem("property"));
        given().auth().oauth2(DevTokens.resident("r-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(body.replace(id, id + "x")).post("/api/organisations")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).post("/api/organisations").then().statusCode(401);
    }

    @Test
    void unknownOrganisationTypeIs400NamingTheField() {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("{\"id\": \"bank\", \"name\": \"银行\", \"type\": \"BANK\"}")
                .post("/api/organisations")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("type"));
        assertThat(Fixtures.count("select count(*) from organisation where id = 'bank'")).isZero();
    }

    @Test
    void ruleNamingAnUnknownOrganisationIs400NamingTheFieldAndNothingIsStored() {
        long rules = Fixtures.count("select count(*) from routing_rule");
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"noise\", \"buildings\": [], \"lead\": \"nobody\", \"supporting\": []}")
                .post("/api/routing-rules")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("lead"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"noise\", \"lead\": \"police\", \"supporting\": [\"property\", \"ghost\"]}")
                .post("/api/routing-rules")
                .then().statusCode(400).body("errors.field", hasItem("supporting[1]"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"alien-invasion\", \"lead\": \"police\"}")
                .post("/api/routing-rules")
                .then().statusCode(400).body("errors.field", hasItem("category"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"noise\", \"buildings\": [\"7\", \"99\"], \"lead\": \"police\"}")
                .post("/api/routing-rules")
                .then().statusCode(400).body("errors.field", hasItem("buildings[1]"));
        assertThat(Fixtures.count("select count(*) from routing_rule")).isEqualTo(rules);
        given().auth().oauth2(DevTokens.worker()).get("/api/routing-rules")
                .then().statusCode(200).body("find { it.category == 'water-leak' }.lead", equalTo("property"));
    }

    @Test
    void theSameRuleAddedAgainIs409NamingTheRuleAndTheTableIsUnchanged() {
        String first = Fixtures.rule("blocked-drain", List.of("12", "3"), "property", List.of("water"), 10);
        long rules = Fixtures.count("select count(*) from routing_rule");
        // the same scope in another order, another priority: still the same party leading the same buildings
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"blocked-drain\", \"buildings\": [\"3\", \"12\"], \"lead\": \"property\", "
                        + "\"priority\": 20}")
                .post("/api/routing-rules")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(first));
        assertThat(Fixtures.count("select count(*) from routing_rule")).isEqualTo(rules);
        // another lead for the same scope is the next in line, not a duplicate
        Fixtures.rule("blocked-drain", List.of("3", "12"), "water", List.of(), 5);
        given().auth().oauth2(DevTokens.worker()).get("/api/routing-rules")
                .then().statusCode(200)
                .body("findAll { it.category == 'blocked-drain' }.lead", containsInAnyOrder("property", "water"))
                .body("find { it.id == '" + first + "' }.buildings", contains("3", "12"));
    }

    @Test
    void riskPointIsStoredWithTheKindsDefaultChecklist() {
        String id = "garage-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "3号楼地下车库", "building": "3", "kind": "BASEMENT_GARAGE",
                         "warningTypes": ["rainstorm"], "organisation": "property"}""".formatted(id))
                .post("/api/risk-points")
                .then().statusCode(201).header("Location", endsWith("/api/risk-points/" + id))
                .body("checklist", hasItem("沙袋已就位")).body("checklistEn", hasItem("sandbags in place"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"id": "x-%s", "name": "屋顶", "building": "3", "kind": "TOP_FLOOR_ROOF",
                         "warningTypes": ["wind"], "organisation": "nobody"}""".formatted(id))
                .post("/api/risk-points")
                .then().statusCode(400).body("errors.field", hasItem("organisation"));
    }

    @Test
    void submittedLeakGivesPropertyTheLeadAndWaterTheSupportWithTheRequestsDeadlines() throws Exception {
        String requestId = UUID.randomUUID().toString();
        Instant respondBy = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant resolveBy = Instant.now().plus(24, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Fixtures.submit(requestId, "water-leak", "7", respondBy, resolveBy);

        List<ConsumerRecord<String, String>> records = KafkaProbe.records(Topics.TASKS, requestId,
                found -> found.size() >= 2);
        assertThat(records).hasSize(2);
        for (ConsumerRecord<String, String> r : records) {
            assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo("gongzhi.task.assigned.v1");
            assertThat(KafkaProbe.header(r, "ce_source")).isEqualTo("alliance-service");
            assertThat(KafkaProbe.header(r, "ce_subject")).isEqualTo(requestId);
            assertThat(KafkaProbe.header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(KafkaProbe.header(r, "ce_id")).isNotBlank();
            assertThat(KafkaProbe.header(r, "ce_time")).isNotBlank();
        }
        JsonNode lead = JSON.readTree(records.stream().filter(r -> r.value().contains("\"LEAD\"")).findFirst()
                .orElseThrow().value());
        JsonNode support = JSON.readTree(records.stream().filter(r -> r.value().contains("\"SUPPORT\""))
                .findFirst().orElseThrow().value());
        assertThat(lead.get("organisationId").asText()).isEqualTo("property");
        assertThat(lead.get("organisationName").asText()).isEqualTo("和平物业");
        assertThat(lead.get("communityId").asText()).isEqualTo("hepingli");
        assertThat(Instant.parse(lead.get("acknowledgeBy").asText())).isEqualTo(respondBy);
        assertThat(Instant.parse(lead.get("completeBy").asText())).isEqualTo(resolveBy);
        assertThat(support.get("organisationId").asText()).isEqualTo("water");
        assertThat(lead.toString()).doesNotContain("description").doesNotContain("Water drips");

        given().auth().oauth2(DevTokens.partner("property")).get("/api/partners/me/tasks?requestId=" + requestId)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].role", equalTo("LEAD"))
                .body("items[0].status", equalTo("ASSIGNED"));
    }

    @Test
    void theSameEventTwiceAndTheSameRequestAgainGiveNoSecondTask() {
        String requestId = UUID.randomUUID().toString();
        String data = Fixtures.submitted(requestId, "water-leak", "7", Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(86400));
        String ceId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.REQUESTS, requestId, ceId, Fixtures.SUBMITTED, data);
        KafkaProbe.publish(Topics.REQUESTS, requestId, ceId, Fixtures.SUBMITTED, data);
        // a second copy with a new id (a republished row) must not double the tasks either
        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(), Fixtures.SUBMITTED, data);
        // a later record on the same partition: once it is processed, every copy before it was too
        String marker = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.REQUESTS, requestId, marker, "gongzhi.request.status-changed.v1", """
                {"communityId": "hepingli", "requestId": "%s", "category": "water-leak", "building": "7",
                 "from": "SUBMITTED", "to": "ASSIGNED", "reason": null, "changedAt": "%s"}"""
                .formatted(requestId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + marker + "'") == 1);

        assertThat(Fixtures.count("select count(*) from task where request_id = '" + requestId + "'")).isEqualTo(2);
        assertThat(Fixtures.count("select count(*) from outbox_event where event_key = '" + requestId + "'"))
                .isEqualTo(2);
        var records = KafkaProbe.records(Topics.TASKS, requestId, found -> found.size() >= 3);
        assertThat(records).hasSize(2);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String requestId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(), Fixtures.SUBMITTED,
                "{garbage, not json");
        Fixtures.submit(requestId, "water-leak", "7", Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(86400));

        var dead = KafkaProbe.records(Topics.deadLetter(Topics.REQUESTS), requestId, found -> !found.isEmpty());
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).contains("garbage");
        assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).contains("unreadable");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.count("select count(*) from task where request_id = '" + requestId + "'") == 2);
    }

    @Test
    void whatNoRuleCoversIsLedByTheOfficeEvenWhenTheOfficeIsNotRegistered() {
        String requestId = UUID.randomUUID().toString();
        Fixtures.submit(requestId, "suggestion", "12", Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(86400));
        var records = KafkaProbe.records(Topics.TASKS, requestId, found -> !found.isEmpty());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).contains("\"organisationId\":\"office\"").contains("\"role\":\"LEAD\"");
    }

    @Test
    void aRequestWithoutTheAllianceTrackGetsNoTask() {
        String requestId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(), Fixtures.SUBMITTED,
                Fixtures.submitted(requestId, "shopping-help", "7", Instant.now().plusSeconds(3600),
                        Instant.now().plusSeconds(86400), "VOLUNTEERS"));
        String marker = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.REQUESTS, requestId, marker, Fixtures.SUBMITTED,
                Fixtures.submitted(requestId, "shopping-help", "7", Instant.now().plusSeconds(3600),
                        Instant.now().plusSeconds(86400), "VOLUNTEERS"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + marker + "'") == 1);
        assertThat(Fixtures.count("select count(*) from task where request_id = '" + requestId + "'")).isZero();
    }
}
