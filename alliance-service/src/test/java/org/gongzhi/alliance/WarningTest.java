package org.gongzhi.alliance;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A weather warning patrols exactly the risk points of that weather, and is published. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class WarningTest {
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void riskPoints() {
        Fixtures.leakAlliance();
        Fixtures.organisation("power", "供电所", "UTILITY");
        point("garage-" + suffix, "3", "basement-garage", "[\"rainstorm\"]", "property");
        point("yard-" + suffix, "5", "LOW_LYING_COURTYARD", "[\"rainstorm\", \"snow\"]", "property");
        point("roof-" + suffix, "12", "TOP_FLOOR_ROOF", "[\"wind\"]", "property");
        point("box-" + suffix, "8", "OLD_WIRING_BOX", "[\"rainstorm\", \"heat\"]", "power");
    }

    private static void point(String id, String building, String kind, String types, String org) {
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "%s", "building": "%s", "kind": "%s", "warningTypes": %s,
                         "organisation": "%s"}""".formatted(id, id, building, kind, types, org))
                .post("/api/risk-points").then().statusCode(201);
    }

    @Test
    void aRainstormWarningPatrolsEveryRainstormRiskPointWithItsChecklist() {
        Instant until = Instant.now().plusSeconds(6 * 3600);
        JsonPath warning = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"rainstorm\", \"level\": \"orange\", \"until\": \"" + until + "\"}")
                .post("/api/warnings")
                .then().statusCode(201)
                .body("patrols.riskPointId", hasItems("garage-" + suffix, "yard-" + suffix, "box-" + suffix))
                .body("patrols.riskPointId", not(hasItem("roof-" + suffix)))
                .body("patrols.find { it.riskPointId == 'garage-%s' }.checks.item".formatted(suffix),
                        hasItem("sandbags in place"))
                .body("patrols.find { it.riskPointId == 'box-%s' }.organisationId".formatted(suffix),
                        equalTo("power"))
                .extract().jsonPath();
        String warningId = warning.getString("id");

        var issued = KafkaProbe.records(Topics.WARNINGS, warningId, found -> !found.isEmpty());
        assertThat(issued).hasSize(1);
        assertThat(KafkaProbe.header(issued.get(0), "ce_type")).isEqualTo("gongzhi.warning.issued.v1");
        assertThat(issued.get(0).value()).contains("\"type\":\"rainstorm\"").contains("\"level\":\"orange\"");

        // the power supply unit sees only its own patrols and reports each checkpoint
        given().auth().oauth2(DevTokens.partner("power")).get("/api/patrols")
                .then().statusCode(200).body("organisationId", everyItem(equalTo("power")));
        String boxPatrol = warning.getString("patrols.find { it.riskPointId == 'box-%s' }.id".formatted(suffix));
        String garagePatrol = warning.getString("patrols.find { it.riskPointId == 'garage-%s' }.id"
                .formatted(suffix));
        given().auth().oauth2(DevTokens.partner("power")).contentType(ContentType.JSON)
                .body("{\"checks\": [{\"position\": 0, \"result\": \"OK\"}]}")
                .post("/api/patrols/" + garagePatrol + "/report").then().statusCode(404);
        List<Integer> positions = warning.getList("patrols.find { it.riskPointId == 'box-%s' }.checks.position"
                .formatted(suffix), Integer.class);
        StringBuilder checks = new StringBuilder();
        for (int p : positions) {
            checks.append(checks.isEmpty() ? "" : ", ").append(p == 2
                    ? "{\"position\": 2, \"result\": \"PROBLEM\", \"category\": \"old-wiring\", "
                            + "\"urgency\": \"HIGH\", \"description\": \"bare wire at the box door\"}"
                    : "{\"position\": %d, \"result\": \"OK\"}".formatted(p));
        }
        given().auth().oauth2(DevTokens.partner("power")).contentType(ContentType.JSON)
                .body("{\"checks\": [" + checks + "]}")
                .post("/api/patrols/" + boxPatrol + "/report")
                .then().statusCode(200).body("status", equalTo("PROBLEMS_FOUND"));

        given().auth().oauth2(DevTokens.worker()).post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(200).body("liftedAt", org.hamcrest.Matchers.notNullValue())
                .body("patrols.find { it.riskPointId == 'garage-%s' }.status".formatted(suffix),
                        equalTo("CANCELLED"))
                .body("patrols.find { it.riskPointId == 'box-%s' }.status".formatted(suffix),
                        equalTo("PROBLEMS_FOUND"));
        given().auth().oauth2(DevTokens.worker()).post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(409);
    }

    /**
     * A community's warnings only grow, and listing them views each in turn: the list must not build a chain as deep
     * as the warnings are many (about 1,500 overflowed the 512 KiB stack, and the request was never answered).
     */
    @Test
    void everyWarningOfALongHistoryIsListedNewestFirst() {
        String community = "history-" + suffix;
        Fixtures.execute("""
                insert into weather_warning (id, community_id, type, level, valid_from, valid_until, issued_by,
                                             issued_at, lifted_at)
                select gen_random_uuid(), '%s', 'rainstorm', 'blue', now() - make_interval(days => n + 1),
                       now() - make_interval(days => n), 'worker-li', now() - make_interval(days => n + 1),
                       now() - make_interval(days => n)
                from generate_series(1, 3000) as n""".formatted(community));

        List<Instant> issued = given().auth().oauth2(Fixtures.workerOf(community))
                .config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 30_000)))
                .get("/api/warnings")
                .then().statusCode(200)
                .body("type", everyItem(equalTo("rainstorm")))
                .extract().jsonPath().getList("issuedAt", String.class).stream().map(Instant::parse).toList();
        assertThat(issued).hasSize(3000).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aBadWarningIs400NamingTheFieldAndCreatesNothing() {
        long warnings = Fixtures.count("select count(*) from weather_warning");
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"tornado\", \"level\": \"red\", \"until\": \"" + Instant.now().plusSeconds(60)
                        + "\"}")
                .post("/api/warnings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("type"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"wind\", \"level\": \"purple\", \"until\": \"" + Instant.now().plusSeconds(60)
                        + "\"}")
                .post("/api/warnings").then().statusCode(400).body("errors.field", hasItem("level"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"wind\", \"level\": \"blue\", \"from\": \"" + Instant.now().plusSeconds(600)
                        + "\", \"until\": \"" + Instant.now().plusSeconds(60) + "\"}")
                .post("/api/warnings").then().statusCode(400).body("errors.field", hasItem("until"));
        given().auth().oauth2(DevTokens.partner("property")).contentType(ContentType.JSON)
                .body("{\"type\": \"wind\", \"level\": \"blue\", \"until\": \"" + Instant.now().plusSeconds(600)
                        + "\"}")
                .post("/api/warnings").then().statusCode(403);
        assertThat(Fixtures.count("select count(*) from weather_warning")).isEqualTo(warnings);
    }
}
