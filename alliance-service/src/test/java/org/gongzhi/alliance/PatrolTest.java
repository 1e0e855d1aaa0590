package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A patrol reports checkpoint by checkpoint; each problem becomes one event; lifting the warning ends the patrols. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class PatrolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHECKED = "gongzhi.patrol.checked.v1";
    private static final String PROBLEM = "gongzhi.patrol.problem-found.v1";
    private static final String LIFTED = "gongzhi.warning.lifted.v1";

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String org = "unit-p-" + suffix;
    private final String point = "drain-" + suffix;

    @TestHTTPResource("/api/partners/me/feed")
    URI feed;

    @BeforeEach
    void riskPoint() {
        Fixtures.organisation(org, "和平里中学", "AREA_UNIT");
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "6号楼雨水井", "building": "6", "kind": "DRAIN",
                         "warningTypes": ["rainstorm"], "organisation": "%s"}""".formatted(point, org))
                .post("/api/risk-points").then().statusCode(201);
    }

    /** Issues a rainstorm warning and returns [warning id, the id of this test's patrol]. */
    private String[] issue() {
        var warning = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"rainstorm\", \"level\": \"yellow\", \"until\": \""
                        + Instant.now().plusSeconds(6 * 3600) + "\"}")
                .post("/api/warnings").then().statusCode(201).extract().jsonPath();
        return new String[] {warning.getString("id"),
                warning.getString("patrols.find { it.riskPointId == '%s' }.id".formatted(point))};
    }

    private ValidatableResponse report(String patrolId, String checks) {
        return given().auth().oauth2(DevTokens.partner(org)).contentType(ContentType.JSON)
                .body("{\"checks\": [" + checks + "]}")
                .post("/api/patrols/" + patrolId + "/report").then();
    }

    private static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records,
            String type) {
        return records.stream().filter(r -> type.equals(KafkaProbe.header(r, "ce_type"))).toList();
    }

    @Test
    void eachReportPublishesThePatrolsTotalsAndEachProblemIsPublishedOnce() throws Exception {
        String[] ids = issue();
        String warningId = ids[0];
        String patrolId = ids[1];

        report(patrolId, "{\"position\": 0, \"result\": \"OK\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("checkpointsDone", equalTo(1))
                .body("checkpointsTotal", equalTo(3));

        // a problem of an unknown category, or of none, is refused naming the field, and nothing is written
        report(patrolId, """
                {"position": 1, "result": "PROBLEM", "category": "alien-invasion", "description": "strange lights"}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("checks[0].category"));
        report(patrolId, """
                {"position": 2, "result": "OK"}, {"position": 1, "result": "PROBLEM", "description": "blocked"}""")
                .statusCode(400).body("errors.field", hasItem("checks[1].category"));
        report(patrolId, """
                {"position": 1, "result": "PROBLEM", "category": "blocked-drain", "urgency": "SOON",
                 "description": "blocked"}""")
                .statusCode(400).body("errors.field", hasItem("checks[0].urgency"));
        assertThat(Fixtures.count("select count(*) from patrol_check where patrol_id = '" + patrolId
                + "' and result is not null")).isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from outbox_event where event_key = '" + warningId
                + "' and event_type = '" + PROBLEM + "'")).isZero();

        String problem = """
                {"position": 1, "result": "PROBLEM", "category": "blocked-drain", "urgency": "URGENT",
                 "description": "grate blocked, water rising", "place": "north side of the ramp"}""";
        String problemId = report(patrolId, problem).statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("checkpointsDone", equalTo(2))
                .body("problemsFound", equalTo(1))
                .body("checks.find { it.position == 1 }.problemId", notNullValue())
                .extract().path("checks.find { it.position == 1 }.problemId");
        // the same checkpoint again (a retry, or a correction): the same problem, not a second one
        report(patrolId, problem).statusCode(200)
                .body("checks.find { it.position == 1 }.problemId", equalTo(problemId));
        report(patrolId, "{\"position\": 2, \"result\": \"OK\", \"note\": \"water flowing away\"}").statusCode(200)
                .body("status", equalTo("PROBLEMS_FOUND")).body("checkpointsDone", equalTo(3))
                .body("problemsFound", equalTo(1));

        var records = KafkaProbe.records(Topics.WARNINGS, warningId, found -> ofType(found, CHECKED).size() >= 4);
        List<ConsumerRecord<String, String>> checked = ofType(records, CHECKED);
        assertThat(checked).hasSize(4);
        JsonNode first = JSON.readTree(checked.get(0).value());
        assertThat(first.get("patrolId").asText()).isEqualTo(patrolId);
        assertThat(first.get("riskPointId").asText()).isEqualTo(point);
        assertThat(first.get("riskPointName").asText()).isEqualTo("6号楼雨水井");
        assertThat(first.get("building").asText()).isEqualTo("6");
        assertThat(first.get("organisationId").asText()).isEqualTo(org);
        assertThat(first.get("checkpointsDone").asInt()).isEqualTo(1);
        assertThat(first.get("checkpointsTotal").asInt()).isEqualTo(3);
        assertThat(first.get("problemsFound").asInt()).isZero();
        JsonNode last = JSON.readTree(checked.get(3).value());
        assertThat(last.get("checkpointsDone").asInt()).isEqualTo(3);
        assertThat(last.get("problemsFound").asInt()).isEqualTo(1);
        assertThat(KafkaProbe.header(checked.get(3), "ce_subject")).isEqualTo(warningId);

        List<ConsumerRecord<String, String>> problems = ofType(records, PROBLEM);
        assertThat(problems).hasSize(1);
        JsonNode found = JSON.readTree(problems.get(0).value());
        assertThat(found.get("problemId").asText()).isEqualTo(problemId);
        assertThat(found.get("warningId").asText()).isEqualTo(warningId);
        assertThat(found.get("patrolId").asText()).isEqualTo(patrolId);
        assertThat(found.get("category").asText()).isEqualTo("blocked-drain");
        assertThat(found.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(found.get("description").asText()).isEqualTo("grate blocked, water rising");
        assertThat(found.get("place").asText()).isEqualTo("north side of the ramp");
        assertThat(found.get("building").asText()).isEqualTo("6");
        assertThat(found.get("riskPointName").asText()).isEqualTo("6号楼雨水井");
        assertThat(found.get("organisationId").asText()).isEqualTo(org);
        assertThat(found.get("communityId").asText()).isEqualTo("hepingli");
    }

    @Test
    void liftingAWarningCancelsItsOpenPatrolsPublishesItOnceAndShowsItLifted() throws Exception {
        String[] ids = issue();
        String warningId = ids[0];
        String patrolId = ids[1];
        report(patrolId, "{\"position\": 0, \"result\": \"OK\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));

        given().auth().oauth2(DevTokens.partner(org)).contentType(ContentType.JSON)
                .body("{\"reason\": \"not ours to lift\"}").post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"reason\": \"the rain has stopped\"}").post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(200).body("liftedAt", notNullValue())
                .body("liftReason", equalTo("the rain has stopped"))
                .body("patrols.find { it.id == '%s' }.status".formatted(patrolId), equalTo("CANCELLED"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"reason\": \"again\"}").post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.worker()).post("/api/warnings/" + UUID.randomUUID() + "/lift")
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(DevTokens.worker()).get("/api/warnings?active=false&size=100")
                .then().statusCode(200)
                .body("items.find { it.id == '%s' }.liftedAt".formatted(warningId), notNullValue())
                .body("items.find { it.id == '%s' }.liftReason".formatted(warningId), equalTo("the rain has stopped"));
        given().auth().oauth2(DevTokens.worker()).get("/api/warnings?active=true&size=100")
                .then().statusCode(200).body("items.id", not(hasItem(warningId)));
        given().auth().oauth2(DevTokens.worker()).get("/api/warnings/" + warningId)
                .then().statusCode(200).body("liftedAt", notNullValue())
                .body("patrols.status", everyItem(not(equalTo("ASSIGNED"))));
        given().auth().oauth2(DevTokens.partner(org)).get("/api/patrols?status=CANCELLED")
                .then().statusCode(200).body("id", hasItem(patrolId));
        report(patrolId, "{\"position\": 1, \"result\": \"OK\"}").statusCode(409)
                .contentType("application/problem+json");
        assertThat(Fixtures.text("select status from patrol where id = '" + patrolId + "'")).isEqualTo("CANCELLED");

        var records = KafkaProbe.records(Topics.WARNINGS, warningId, found -> !ofType(found, LIFTED).isEmpty());
        List<ConsumerRecord<String, String>> lifted = ofType(records, LIFTED);
        assertThat(lifted).hasSize(1);
        JsonNode data = JSON.readTree(lifted.get(0).value());
        assertThat(data.get("reason").asText()).isEqualTo("the rain has stopped");
        assertThat(data.get("liftedAt").asText()).isNotBlank();

        // the organisation whose patrol was cancelled sees the warning come and go in its feed
        var events = SseProbe.collect(feed, DevTokens.partner(org), "0",
                found -> found.stream().anyMatch(e -> LIFTED.equals(e.name()) && e.data().contains(warningId)),
                Duration.ofSeconds(20));
        assertThat(events.events()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo(LIFTED);
            assertThat(e.data()).contains(warningId).contains("the rain has stopped");
        });
        assertThat(events.events()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("gongzhi.warning.issued.v1");
            assertThat(e.data()).contains(warningId);
        });
    }
}
