package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;

/**
 * A rainstorm warning across the services: the alliance sends its parties on patrol, a problem a patrol finds
 * becomes a request that the alliance routes like any other, the dashboard's banner follows the patrols, and
 * lifting the warning takes the banner down.
 */
class WarningPatrolIT {

    @Test
    void aPatrolProblemBecomesARoutedRequestAndTheBannerFollowsThePatrols() {
        LocalSystem system = SystemUnderTest.get();
        String alliance = system.url(Service.ALLIANCE).toString();
        String requests = system.url(Service.REQUEST).toString();
        String notifications = system.url(Service.NOTIFICATION).toString();

        JsonPath warning = given().baseUri(alliance).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(Map.of("type", "rainstorm", "level", "orange",
                        "until", Instant.now().plus(Duration.ofHours(12)).toString()))
                .post("/api/warnings").then().statusCode(201).extract().jsonPath();
        String warningId = warning.getString("id");
        String patrolId = warning.getString("patrols[0].id");
        String organisation = warning.getString("patrols[0].organisationId");
        List<Integer> positions = warning.getList("patrols[0].checks.position", Integer.class);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(notifications).auth().oauth2(DevTokens.worker()).get("/api/dashboard/warnings")
                        .then().statusCode(200).body("id", hasItem(warningId)));

        String what = "积水没过排水口，车库入口进水 " + UUID.randomUUID();
        List<Map<String, Object>> checks = positions.stream().map(p -> p == positions.get(0)
                ? Map.<String, Object>of("position", p, "result", "PROBLEM", "category", "blocked-drain",
                        "urgency", "URGENT", "description", what)
                : Map.<String, Object>of("position", p, "result", "OK")).collect(Collectors.toList());
        given().baseUri(alliance).auth().oauth2(DevTokens.partner(organisation)).contentType(ContentType.JSON)
                .body(Map.of("checks", checks))
                .post("/api/patrols/" + patrolId + "/report")
                .then().statusCode(200).body("status", equalTo("PROBLEMS_FOUND"));

        // the problem is a request on the "rounds" channel, and the alliance has given it a lead party
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                given().baseUri(requests).auth().oauth2(DevTokens.worker())
                        .queryParam("text", what.substring(what.length() - 36))
                        .get("/api/requests").then().statusCode(200)
                        .body("items[0].channel", equalTo("rounds"))
                        .body("items[0].category", equalTo("blocked-drain"))
                        .body("items[0].status", equalTo("ASSIGNED")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(notifications).auth().oauth2(DevTokens.worker()).get("/api/dashboard/warnings")
                        .then().statusCode(200)
                        .body("find { it.id == '" + warningId + "' }.patrols", notNullValue())
                        .body("find { it.id == '" + warningId + "' }.patrols.checkpointsDone",
                                equalTo(positions.size()))
                        .body("find { it.id == '" + warningId + "' }.patrols.problemsFound", equalTo(1)));

        given().baseUri(alliance).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(Map.of("reason", "雨停了"))
                .post("/api/warnings/" + warningId + "/lift").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(notifications).auth().oauth2(DevTokens.worker()).get("/api/dashboard/warnings")
                        .then().statusCode(200).body("id", not(hasItem(warningId))));
    }
}
