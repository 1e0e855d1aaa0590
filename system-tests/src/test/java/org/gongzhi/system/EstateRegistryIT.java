package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.gongzhi.system.SystemProbes.allWeek;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;

/**
 * The estate registry is request-service's: a building, a named place or a category added there by one API call
 * reaches the alliance and volunteer-service through the registry's compacted topics, and routing, matching and risk
 * points use it with no restart.
 */
class EstateRegistryIT {
    private final LocalSystem system = SystemUnderTest.get();
    private final String requests = system.url(Service.REQUEST).toString();
    private final String alliance = system.url(Service.ALLIANCE).toString();
    private final String volunteers = system.url(Service.VOLUNTEER).toString();

    private static RequestSpecification worker(String base) {
        return given().baseUri(base).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON);
    }

    @Test
    void aNewBuildingIsRoutedAndMatchedInWithNoRestartAndCannotBeRemovedWhileARequestIsOpen() {
        String code = "E" + UUID.randomUUID().toString().substring(0, 5);
        // far off the demo's grid: only a volunteer living in it is near enough to be asked
        worker(requests).body("""
                {"code": "%s", "name": "%s号楼", "floors": 6, "gridX": 300, "gridY": 300,
                 "units": [{"code": "1", "households": [{"code": "101", "floorArea": 60},
                                                         {"code": "102", "floorArea": 72}]}]}""".formatted(code, code))
                .post("/api/estate/buildings").then().statusCode(201);

        // the alliance: a rule for the new building is accepted once the registry's record arrives, and routes
        await().atMost(Duration.ofSeconds(30)).until(() -> worker(alliance).body("""
                        {"category": "noise", "buildings": ["%s"], "lead": "social", "supporting": [], "priority": 50}"""
                        .formatted(code)).post("/api/routing-rules").then().extract().statusCode() == 201);
        String noise = worker(requests).body("""
                {"category": "noise", "description": "楼下广场舞太吵", "building": "%s", "unit": "1", "household": "101",
                 "channel": "phone"}""".formatted(code))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> worker(alliance).queryParam("requestId", noise)
                .get("/api/tasks").then().statusCode(200)
                .body("items.find { it.role == 'LEAD' }.organisationId", equalTo("social")));

        // volunteers: someone living in the new building can be registered once the grid has it, and is asked first
        String volunteer = "v-" + code.toLowerCase();
        await().atMost(Duration.ofSeconds(30)).until(() -> worker(volunteers).body("""
                        {"id": "%s", "name": "新楼志愿者", "team": "6070", "building": "%s", "skills": ["errands"],
                         "availability": [%s], "maxTasksPerWeek": 5}""".formatted(volunteer, code, allWeek()))
                .post("/api/volunteers").then().extract().statusCode() == 201);
        String errand = worker(requests).body("""
                {"category": "shopping-help", "description": "帮忙买菜", "building": "%s", "unit": "1",
                 "household": "102", "channel": "phone"}""".formatted(code))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> worker(volunteers).get("/api/matchings/" + errand)
                .then().statusCode(200).body("skill", equalTo("errands"))
                .body("offers.find { it.status == 'OFFERED' }.volunteerId", equalTo(volunteer)));

        // the building has open requests: removing it is refused and it stays
        worker(requests).delete("/api/estate/buildings/" + code).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("open requests"));
        worker(requests).get("/api/estate/buildings").then().statusCode(200).body("code", hasItem(code));
    }

    @Test
    void aNamedPlaceReachesTheAllianceWithNoRestartAndStaysWhileARiskPointOrARequestIsThere() {
        String gate = "gate-" + UUID.randomUUID().toString().substring(0, 6);
        worker(requests).body(java.util.Map.of("name", "小区西门", "nameEn", "West gate"))
                .put("/api/estate/places/" + gate).then().statusCode(201).body("code", equalTo(gate));

        // a risk point at a place the registry does not have is refused naming the field
        worker(alliance).body(java.util.Map.of("id", "rp-nowhere-" + gate, "name", "无处", "place", "nowhere-" + gate,
                "kind", "DRAIN", "warningTypes", java.util.List.of("rainstorm"), "organisation", "property"))
                .post("/api/risk-points").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("place"));
        // a request may be at the place; while it is open the place stays (409) — before any risk point is there,
        // which the refusal would name first
        String drain = worker(requests).body("""
                {"category": "blocked-drain", "description": "西门排水口堵了", "place": "%s", "channel": "phone"}"""
                .formatted(gate)).post("/api/requests").then().statusCode(201).body("place", equalTo(gate))
                .extract().path("id");
        worker(requests).delete("/api/estate/places/" + gate).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("open requests"));
        // the alliance accepts one at the new place once the registry's record has arrived: no restart
        String riskPoint = "rp-" + gate;
        await().atMost(Duration.ofSeconds(30)).until(() -> worker(alliance).body(java.util.Map.of("id", riskPoint,
                        "name", "西门排水口", "place", gate, "kind", "DRAIN", "warningTypes",
                        java.util.List.of("rainstorm"), "organisation", "water"))
                .post("/api/risk-points").then().extract().statusCode() == 201);
        worker(alliance).get("/api/risk-points").then().statusCode(200)
                .body("find { it.id == '%s' }.place".formatted(riskPoint), equalTo(gate));

        // the registry learns where the alliance's risk point is from its topic and then names it (the open request
        // keeps the place meanwhile); with the request withdrawn, the risk point alone still keeps it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> worker(requests)
                .delete("/api/estate/places/" + gate).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("risk point " + riskPoint)));
        worker(requests).body("{\"text\": \"已疏通\"}").post("/api/requests/" + drain + "/withdraw").then()
                .statusCode(200);
        worker(requests).delete("/api/estate/places/" + gate).then().statusCode(409)
                .body("detail", containsString("risk point " + riskPoint));
        worker(requests).get("/api/estate/places/" + gate).then().statusCode(200).body("name", equalTo("小区西门"));

        // the demo's places were registered through the API, and its north gate drain risk point is at one
        worker(requests).get("/api/estate/places").then().statusCode(200).body("code", hasItem("north-gate"));
        worker(alliance).get("/api/risk-points").then().statusCode(200)
                .body("find { it.id == 'rp-drain-north' }.place", equalTo("north-gate"));
    }

    @Test
    void aRequestNamesOnlyAPlaceOfItsOwnCommunity() {
        String path = "path-" + UUID.randomUUID().toString().substring(0, 6);
        String workerB = DevTokens.worker("qingnianhu");
        given().baseUri(requests).auth().oauth2(workerB).contentType(ContentType.JSON)
                .body(java.util.Map.of("name", "湖边小路", "nameEn", "Lake path"))
                .put("/api/estate/places/" + path).then().statusCode(201);
        String atPath = """
                {"category": "safety-risk", "description": "路灯坏了", "place": "%s", "channel": "phone"}"""
                .formatted(path);
        // community A does not have B's place: 400 naming the field, and A never sees it listed
        worker(requests).body(atPath).post("/api/requests").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("place"));
        worker(requests).get("/api/estate/places").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.not(hasItem(path)));
        given().baseUri(requests).auth().oauth2(workerB).contentType(ContentType.JSON).body(atPath)
                .post("/api/requests").then().statusCode(201).body("place", equalTo(path));
    }

    /** A new category of the catalogue for the alliance's track: three hours to respond, two days to resolve. */
    private void defineCategory(String code, String nameZh, String nameEn) {
        worker(requests).body("""
                {"code": "%s", "nameZh": "%s", "nameEn": "%s", "tracks": ["ALLIANCE"],
                 "defaultUrgency": "NORMAL", "respondWithin": "PT3H", "resolveWithin": "P2D"}"""
                .formatted(code, nameZh, nameEn)).post("/api/categories").then().statusCode(201);
    }

    @Test
    void aNewCategoryIsRoutedWithItsTimeLimitsAndUnknownCodesAreRefusedNamingTheField() {
        String code = "pets-" + UUID.randomUUID().toString().substring(0, 6);
        defineCategory(code, "宠物扰民", "Pet nuisance");
        await().atMost(Duration.ofSeconds(30)).until(() -> worker(alliance).body("""
                        {"category": "%s", "buildings": [], "lead": "police", "supporting": [], "priority": 10}"""
                        .formatted(code)).post("/api/routing-rules").then().extract().statusCode() == 201);

        var request = worker(requests).body("""
                {"category": "%s", "description": "邻居家的狗整夜叫", "building": "7", "unit": "2", "household": "301",
                 "channel": "phone"}""".formatted(code))
                .post("/api/requests").then().statusCode(201).extract().jsonPath();
        Instant created = Instant.parse(request.getString("createdAt"));
        Instant respondBy = Instant.parse(request.getString("respondBy"));
        Instant resolveBy = Instant.parse(request.getString("resolveBy"));
        assertThat(Duration.between(created, respondBy)).isEqualTo(Duration.ofHours(3));
        String id = request.getString("id");
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            var lead = worker(alliance).queryParam("requestId", id).get("/api/tasks").then().statusCode(200)
                    .body("items.find { it.role == 'LEAD' }.organisationId", equalTo("police")).extract().jsonPath();
            // the task is timed by the new category's limits as the request carried them (to the millisecond: the
            // alliance's database keeps microseconds)
            assertThat(Instant.parse(lead.getString("items.find { it.role == 'LEAD' }.acknowledgeBy"))
                    .truncatedTo(ChronoUnit.MILLIS)).isEqualTo(respondBy.truncatedTo(ChronoUnit.MILLIS));
            assertThat(Instant.parse(lead.getString("items.find { it.role == 'LEAD' }.completeBy"))
                    .truncatedTo(ChronoUnit.MILLIS)).isEqualTo(resolveBy.truncatedTo(ChronoUnit.MILLIS));
        });

        worker(requests).body("""
                {"category": "no-such-kind", "description": "楼道灯坏了", "building": "7", "unit": "2", "household": "301"}""")
                .post("/api/requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
        worker(requests).body("""
                {"category": "%s", "description": "楼道灯坏了", "building": "no-such", "unit": "2", "household": "301"}"""
                .formatted(code))
                .post("/api/requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("building"));
    }

    @Test
    void aCategoryWithdrawnByTheCommunityIsRefusedEverywhereWithNoRestartAndComesBack() {
        String code = "kites-" + UUID.randomUUID().toString().substring(0, 6);
        defineCategory(code, "风筝缠线", "Kite in the wires");
        await().atMost(Duration.ofSeconds(30)).until(() -> worker(alliance).get("/api/routing-rules/estate")
                .then().extract().jsonPath().getList("categories").contains(code));

        worker(requests).delete("/api/categories/" + code).then().statusCode(204);
        // request-service at once; the alliance as soon as the withdrawal's record arrives
        worker(requests).body("""
                {"category": "%s", "description": "风筝挂在电线上", "building": "7", "unit": "2", "household": "301",
                 "channel": "phone"}""".formatted(code))
                .post("/api/requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
        worker(requests).get("/api/categories").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.not(hasItem(code)));
        // (waiting on a read: a rule posted before the record arrived would be made, and the next post a 409)
        await().atMost(Duration.ofSeconds(30)).until(() -> !worker(alliance).get("/api/routing-rules/estate")
                .then().extract().jsonPath().getList("categories").contains(code));
        String rule = """
                {"category": "%s", "buildings": [], "lead": "property", "supporting": [], "priority": 10}"""
                .formatted(code);
        worker(alliance).body(rule).post("/api/routing-rules").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("category"));

        worker(requests).put("/api/categories/" + code + "/communities/" + DevTokens.COMMUNITY).then()
                .statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> worker(alliance).get("/api/routing-rules/estate")
                .then().extract().jsonPath().getList("categories").contains(code));
        worker(alliance).body(rule).post("/api/routing-rules").then().statusCode(201);
        worker(requests).body("""
                {"category": "%s", "description": "风筝挂在电线上", "building": "7", "unit": "2", "household": "301",
                 "channel": "phone"}""".formatted(code))
                .post("/api/requests").then().statusCode(201);
    }
}
