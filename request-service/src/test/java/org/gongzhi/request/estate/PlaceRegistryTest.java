package org.gongzhi.request.estate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.gongzhi.request.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Named places in the estate registry: registered, changed and removed by one call each, published on their compacted
 * topic; a request names only a place of its own community; a place (or building) an open request or a risk point is
 * at stays.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class PlaceRegistryTest {

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String code() {
        return "gate-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String atPlace(String place) {
        return """
                {"category": "safety-risk", "description": "The gate's barrier is stuck", "place": "%s",
                 "channel": "phone"}""".formatted(place);
    }

    @Test
    void aPlaceIsRegisteredChangedListedAndPublishedWithItsVersions() {
        String code = code();
        String worker = DevTokens.worker();
        as(worker).body(Map.of("name", "小区东门", "nameEn", "East gate")).put("/api/estate/places/" + code).then()
                .statusCode(201).body("code", equalTo(code)).body("name", equalTo("小区东门")).body("version", equalTo(1));
        as(worker).body(Map.of("name", "小区东门", "nameEn", "East gate")).put("/api/estate/places/" + code).then()
                .statusCode(200).body("version", equalTo(1));                     // unchanged: not published again
        as(worker).body(Map.of("name", "东门", "nameEn", "East gate")).put("/api/estate/places/" + code).then()
                .statusCode(200).body("name", equalTo("东门")).body("version", equalTo(2));

        as(DevTokens.resident("r-1")).get("/api/estate/places/" + code).then().statusCode(200)
                .body("name", equalTo("东门")).body("nameEn", equalTo("East gate"));
        as(worker).get("/api/estate/places").then().statusCode(200).body("code", hasItem(code));

        var records = KafkaProbe.records(Topics.ESTATE_PLACES, "hepingli/" + code, found -> found.size() >= 2);
        assertThat(records).hasSize(2);
        assertThat(KafkaProbe.header(records.get(0), "ce_type")).isEqualTo("gongzhi.estate.place.registered.v1");
        assertThat(records.get(1).value()).contains("\"name\":\"东门\"", "\"version\":2");

        as(worker).delete("/api/estate/places/" + code).then().statusCode(204);
        var removed = KafkaProbe.records(Topics.ESTATE_PLACES, "hepingli/" + code, found -> found.size() >= 3);
        assertThat(KafkaProbe.header(removed.get(2), "ce_type")).isEqualTo("gongzhi.estate.place.removed.v1");
        assertThat(removed.get(2).value()).contains("\"version\":3");
        as(worker).get("/api/estate/places/" + code).then().statusCode(404);
        as(worker).delete("/api/estate/places/" + code).then().statusCode(404);
    }

    @Test
    void badPlacesAreRefusedNamingTheFieldAndOnlyWorkersChangeThem() {
        String worker = DevTokens.worker();
        as(worker).body(Map.of("name", "北广场", "nameEn", "North square")).put("/api/estate/places/North Square")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("code"));
        as(worker).body(Map.of("nameEn", "North square")).put("/api/estate/places/" + code()).then()
                .statusCode(400).body("errors.field", hasItem("name"));
        as(DevTokens.resident("r-1")).body(Map.of("name", "北广场", "nameEn", "North square"))
                .put("/api/estate/places/" + code()).then().statusCode(403);
    }

    @Test
    void aRequestNamesOnlyAPlaceOfItsOwnCommunity() {
        String code = code();
        String elsewhere = Fixtures.workerOf("qingnianhu");
        as(elsewhere).body(Map.of("name", "青年湖北门", "nameEn", "North gate")).put("/api/estate/places/" + code)
                .then().statusCode(201);

        // the place is only the other community's: unknown here, and not listed
        as(DevTokens.worker()).body(atPlace(code)).post("/api/requests").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("place"));
        as(DevTokens.worker()).get("/api/estate/places").then().body("code", not(hasItem(code)));
        as(DevTokens.worker()).get("/api/estate/places/" + code).then().statusCode(404);
        as(DevTokens.worker()).delete("/api/estate/places/" + code).then().statusCode(404);
        // in Chinese for a reader who prefers it
        as(DevTokens.worker()).header("Accept-Language", "zh-CN").body(atPlace("no-such-place"))
                .post("/api/requests").then().statusCode(400).body("errors[0].message", containsString("没有地点"));

        as(elsewhere).body(atPlace(code)).post("/api/requests").then().statusCode(201).body("place", equalTo(code));
    }

    @Test
    void aPlaceWithAnOpenRequestOrARiskPointStays() {
        String code = code();
        String worker = DevTokens.worker();
        as(worker).body(Map.of("name", "北广场", "nameEn", "North square")).put("/api/estate/places/" + code).then()
                .statusCode(201);
        String id = as(worker).body(atPlace(code)).post("/api/requests").then().statusCode(201).extract().path("id");
        as(worker).delete("/api/estate/places/" + code).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("open requests"));
        as(worker).body("{\"text\": \"filed twice\"}").post("/api/requests/" + id + "/withdraw").then()
                .statusCode(200);

        // the alliance registers a risk point at the place: the registry learns it from the risk points' topic
        String riskPoint = "rp-" + code;
        KafkaProbe.publish(Topics.RISK_POINTS, riskPoint, UUID.randomUUID().toString(),
                "gongzhi.risk-point.registered.v1", """
                        {"communityId": "hepingli", "id": "%s", "name": "北广场排水口", "building": null,
                         "place": "%s", "version": 1, "changedAt": "%s"}""".formatted(riskPoint, code, Instant.now()));
        awaitLocationOf(riskPoint);
        as(worker).delete("/api/estate/places/" + code).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("risk point " + riskPoint + " (北广场排水口) is at place " + code));
        as(worker).get("/api/estate/places/" + code).then().statusCode(200);
    }

    @Test
    void aBuildingWithARiskPointStays() {
        String code = "R" + UUID.randomUUID().toString().substring(0, 6);
        String worker = DevTokens.worker();
        as(worker).body("""
                {"code": "%s", "name": "%s号楼", "floors": 6, "gridX": 9, "gridY": 9,
                 "units": [{"code": "1", "households": [{"code": "101", "floorArea": 62.5}]}]}""".formatted(code, code))
                .post("/api/estate/buildings").then().statusCode(201);
        String riskPoint = "rp-" + code.toLowerCase();
        KafkaProbe.publish(Topics.RISK_POINTS, riskPoint, UUID.randomUUID().toString(),
                "gongzhi.risk-point.registered.v1", """
                        {"communityId": "hepingli", "id": "%s", "name": "地下车库", "building": "%s",
                         "place": null, "version": 1, "changedAt": "%s"}""".formatted(riskPoint, code, Instant.now()));
        awaitLocationOf(riskPoint);
        as(worker).delete("/api/estate/buildings/" + code).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("risk point " + riskPoint + " (地下车库) is at building " + code));
        as(worker).get("/api/estate/buildings").then().body("code", hasItem(code));
    }

    /** Until the registry has read where the risk point is from the alliance's topic. */
    private static void awaitLocationOf(String riskPoint) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count(
                "select count(*) from risk_point_location where id = '" + riskPoint + "'") == 1);
    }
}
