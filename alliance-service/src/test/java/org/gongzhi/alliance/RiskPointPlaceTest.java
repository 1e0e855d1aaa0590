package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A risk point is in a building or at a named place of its community's estate, as the registry published them (no
 * restart): an unknown place is refused naming the field, a removed one too, and where each risk point is goes out on
 * the risk points' topic for the registry.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class RiskPointPlaceTest {
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void alliance() {
        Fixtures.leakAlliance();
    }

    /** Publishes the registry's record of a place of hepingli. */
    private static void place(String code, long version, boolean removed) {
        String json = removed
                ? """
                  {"communityId": "hepingli", "code": "%s", "version": %d, "removedAt": "2026-12-07T08:00:00Z"}"""
                        .formatted(code, version)
                : """
                  {"communityId": "hepingli", "code": "%s", "name": "小区东门", "nameEn": "East gate", "version": %d,
                   "changedAt": "2026-12-07T08:00:00Z"}""".formatted(code, version);
        KafkaProbe.publish(Topics.ESTATE_PLACES, "hepingli/" + code, UUID.randomUUID().toString(),
                removed ? "gongzhi.estate.place.removed.v1" : "gongzhi.estate.place.registered.v1", json);
    }

    private static io.restassured.response.ValidatableResponse riskPoint(String id, String building, String place) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "name", "东门排水口", "kind", "DRAIN",
                "warningTypes", List.of("rainstorm"), "organisation", "property"));
        body.put("building", building);
        body.put("place", place);
        return given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(body)
                .post("/api/risk-points").then();
    }

    @Test
    void aRiskPointAtAPublishedPlaceIsAcceptedAndPublishedWithWhereItIs() {
        String gate = "east-gate-" + suffix;
        riskPoint("drain-" + suffix, null, gate).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("place"));

        place(gate, 1, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.worker())
                .get("/api/routing-rules/estate").then().statusCode(200).body("places", hasItem(gate)));
        riskPoint("drain-" + suffix, null, gate).statusCode(201).body("place", equalTo(gate))
                .body("building", nullValue());
        given().auth().oauth2(DevTokens.worker()).get("/api/risk-points").then().statusCode(200)
                .body("find { it.id == 'drain-%s' }.place".formatted(suffix), equalTo(gate));

        var records = KafkaProbe.records(Topics.RISK_POINTS, "drain-" + suffix, found -> !found.isEmpty());
        assertThat(KafkaProbe.header(records.get(0), "ce_type")).isEqualTo("gongzhi.risk-point.registered.v1");
        JsonPath event = JsonPath.from(records.get(0).value());
        assertThat(event.getString("place")).isEqualTo(gate);
        assertThat(event.getString("building")).isNull();
        assertThat(event.getString("communityId")).isEqualTo("hepingli");
    }

    @Test
    void aRiskPointNamesABuildingOrAPlaceOfItsCommunityAndNotBoth() {
        String gate = "north-gate-" + suffix;
        place(gate, 1, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.worker())
                .get("/api/routing-rules/estate").then().body("places", hasItem(gate)));
        riskPoint("none-" + suffix, null, null).statusCode(400).body("errors.field", hasItem("building"));
        riskPoint("both-" + suffix, "3", gate).statusCode(400).body("errors.field", hasItem("place"));
        // the same code is not a place of another community
        given().auth().oauth2(Fixtures.workerOf("qingnianhu")).contentType(ContentType.JSON)
                .body(Map.of("id", "qnh-" + suffix, "name", "北门", "place", gate, "kind", "DRAIN",
                        "warningTypes", List.of("rainstorm"), "organisation", "property"))
                .post("/api/risk-points").then().statusCode(400).body("errors.field", hasItem("place"));

        place(gate, 2, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> riskPoint("late-" + suffix, null, gate)
                .statusCode(400).body("errors.field", hasItem("place")));
    }
}
