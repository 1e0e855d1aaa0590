package org.gongzhi.request.estate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.Test;

/** The estate registry: categories and buildings changed by one API call, each change published on its compacted topic. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class EstateRegistryTest {

    private static RequestSpecification worker() {
        return given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON);
    }

    private static String category(String code, String respond, String resolve) {
        return """
                {"code": "%s", "nameZh": "宠物扰民", "nameEn": "Pet nuisance", "tracks": ["ALLIANCE"],
                 "defaultUrgency": "NORMAL", "respondWithin": "%s", "resolveWithin": "%s"}""".formatted(code, respond,
                resolve);
    }

    private static void building(String code) {
        worker().body("""
                {"code": "%s", "name": "%s号楼", "floors": 6, "gridX": 9, "gridY": 9,
                 "units": [{"code": "1", "households": [{"code": "101", "floorArea": 62.5},
                                                         {"code": "102", "floorArea": 70}]}]}""".formatted(code, code))
                .post("/api/estate/buildings").then().statusCode(201);
    }

    private static void building7() {
        worker().body("""
                {"code": "7", "name": "7号楼", "floors": 6, "gridX": 1, "gridY": 0,
                 "units": [{"code": "2", "households": [{"code": "201", "floorArea": 70}]}]}""")
                .post("/api/estate/buildings").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409)));
    }

    @Test
    void theSeededCatalogueIsPublishedKeyedByCode() {
        var records = KafkaProbe.records(Topics.ESTATE_CATEGORIES, "water-leak", found -> !found.isEmpty());
        assertThat(KafkaProbe.header(records.get(0), "ce_type")).isEqualTo("gongzhi.estate.category.defined.v1");
        JsonPath leak = JsonPath.from(records.get(0).value());
        assertThat(leak.getString("communityId")).isEqualTo("*");
        assertThat(leak.getString("respondWithin")).isEqualTo("PT2H");
        assertThat(leak.getString("resolveWithin")).isEqualTo("PT24H");
        assertThat(leak.getList("tracks")).containsExactly("ALLIANCE");
        assertThat(JsonPath.from(KafkaProbe.records(Topics.ESTATE_CATEGORIES, "shopping-help", found -> !found.isEmpty())
                .get(0).value()).getString("skill")).isEqualTo("errands");
    }

    @Test
    void aNewCategoryIsOneCallAwayPublishedAndUsedForTheNextRequestsDeadlines() {
        String code = "pets-" + UUID.randomUUID().toString().substring(0, 8);
        worker().body(category(code, "PT3H", "P2D")).post("/api/categories").then().statusCode(201)
                .header("Location", containsString("/api/categories/" + code))
                .body("respondWithin", equalTo("PT3H")).body("resolveWithin", equalTo("PT48H"));
        given().get("/api/categories").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.nameZh", equalTo("宠物扰民"));
        assertThat(KafkaProbe.records(Topics.ESTATE_CATEGORIES, code, found -> !found.isEmpty()).get(0).value())
                .contains("\"version\":1", "\"respondWithin\":\"PT3H\"");

        building7();
        var request = worker().body("""
                {"category": "%s", "description": "The dog next door barks all night", "building": "7",
                 "unit": "2", "household": "201", "channel": "phone"}""".formatted(code))
                .post("/api/requests").then().statusCode(201).extract().jsonPath();
        Instant created = Instant.parse(request.getString("createdAt"));
        assertThat(Duration.between(created, Instant.parse(request.getString("respondBy")))).isEqualTo(Duration.ofHours(3));

        worker().body(category(code, "PT1H", "P1D"))
                .put("/api/categories/" + code).then().statusCode(200).body("respondWithin", equalTo("PT1H"));
        assertThat(KafkaProbe.records(Topics.ESTATE_CATEGORIES, code, found -> found.size() >= 2).get(1).value())
                .contains("\"version\":2", "\"respondWithin\":\"PT1H\"");
    }

    @Test
    void aChangedBuildingIsPublishedWholeAndKeepsHouseholdsResidentsAreLinkedTo() {
        String code = "C" + UUID.randomUUID().toString().substring(0, 6);
        building(code);
        worker().body("""
                {"residentId": "r-%s", "building": "%s", "unit": "1", "household": "101", "owner": true}"""
                .formatted(code, code)).post("/api/estate/members").then().statusCode(201);
        // moved on the grid, a unit added, household 102 left out
        worker().body("""
                {"code": "%s", "name": "%s号楼", "floors": 7, "gridX": 2, "gridY": 5,
                 "units": [{"code": "1", "households": [{"code": "101", "floorArea": 62.5}]},
                           {"code": "2", "households": [{"code": "201", "floorArea": 80}]}]}""".formatted(code, code))
                .put("/api/estate/buildings/" + code).then().statusCode(200)
                .body("gridY", equalTo(5)).body("units", org.hamcrest.Matchers.contains("1", "2"))
                .body("households", equalTo(2));
        JsonPath changed = JsonPath.from(KafkaProbe.records(Topics.ESTATE_BUILDINGS, "hepingli/" + code,
                found -> found.size() >= 2).get(1).value());
        assertThat(changed.getLong("version")).isEqualTo(2);
        assertThat(changed.getInt("gridY")).isEqualTo(5);
        assertThat(changed.getList("units.code")).containsExactly("1", "2");
        assertThat(changed.getList("units[0].households")).containsExactly("101");

        // leaving out the household a resident is linked to is refused, and nothing changes
        worker().body("""
                {"code": "%s", "name": "%s号楼", "floors": 7, "gridX": 3, "gridY": 5,
                 "units": [{"code": "2", "households": [{"code": "201", "floorArea": 80}]}]}""".formatted(code, code))
                .put("/api/estate/buildings/" + code).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("101"));
        given().auth().oauth2(DevTokens.worker()).get("/api/estate/buildings").then().statusCode(200)
                .body("find { it.code == '%s' }.gridX".formatted(code), equalTo(2));
        worker().body("""
                {"code": "other", "name": "x", "floors": 7, "gridX": 3, "gridY": 5, "units": []}""")
                .put("/api/estate/buildings/" + code).then().statusCode(400).body("errors.field", hasItem("code"));
    }

    @Test
    void badCategoriesAreRefusedNamingTheField() {
        worker().body(category("pets-x", "PT3H", "PT1H")).post("/api/categories").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("resolveWithin"));
        worker().body(category("pets-x", "PT3H", "P1D").replace("ALLIANCE", "PLUMBERS")).post("/api/categories")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("tracks")));
        worker().body(category("Pets X", "PT3H", "P1D")).post("/api/categories").then().statusCode(400)
                .body("errors.field", hasItem(containsString("code")));
        worker().body(category("water-leak", "PT3H", "P1D")).post("/api/categories").then().statusCode(409)
                .contentType("application/problem+json");
        worker().body(category("no-such", "PT3H", "P1D")).put("/api/categories/no-such").then().statusCode(404);
        given().auth().oauth2(DevTokens.resident("r-1")).contentType(ContentType.JSON)
                .body(category("pets-y", "PT3H", "P1D")).post("/api/categories").then().statusCode(403);
    }

    @Test
    void aRegisteredBuildingIsPublishedWithItsUnitsAndRemovedOnlyWithoutOpenRequests() {
        String code = "B" + UUID.randomUUID().toString().substring(0, 6);
        building(code);
        assertThat(KafkaProbe.records(Topics.ESTATE_BUILDINGS, "hepingli/" + code, found -> !found.isEmpty()).get(0)
                .value()).contains("\"gridX\":9", "\"households\":[\"101\",\"102\"]", "\"version\":1");

        String id = worker().body("""
                {"category": "water-leak", "description": "Water drips from the ceiling", "building": "%s",
                 "unit": "1", "household": "101", "channel": "phone"}""".formatted(code))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        worker().delete("/api/estate/buildings/" + code).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("open requests"));

        worker().body("{\"text\": \"filed twice\"}").post("/api/requests/" + id + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        worker().delete("/api/estate/buildings/" + code).then().statusCode(204);
        var records = KafkaProbe.records(Topics.ESTATE_BUILDINGS, "hepingli/" + code, found -> found.size() >= 2);
        assertThat(KafkaProbe.header(records.get(1), "ce_type")).isEqualTo("gongzhi.estate.building.removed.v1");
        assertThat(records.get(1).value()).contains("\"version\":2");
        worker().delete("/api/estate/buildings/" + code).then().statusCode(404);
        worker().body("""
                {"category": "water-leak", "description": "Water drips from the ceiling", "building": "%s",
                 "unit": "1", "household": "101", "channel": "phone"}""".formatted(code))
                .post("/api/requests").then().statusCode(400).body("errors.field", hasItem("building"));
    }

    /**
     * A request being filed in a building while the building is removed: the removal waits for the request's
     * transaction (the advisory lock intake holds to its end), then finds the request open (409). The request in flight
     * is played by a transaction held open here, holding that lock and moving an open request into the building.
     */
    @Test
    void aRemovalWaitsForARequestBeingFiledInTheBuildingAndThenRefuses() throws Exception {
        String code = "R" + UUID.randomUUID().toString().substring(0, 6);
        String elsewhere = "R" + UUID.randomUUID().toString().substring(0, 6);
        building(code);
        building(elsewhere);
        String id = worker().body("""
                {"category": "water-leak", "description": "Water drips from the ceiling", "building": "%s",
                 "unit": "1", "household": "101", "channel": "phone"}""".formatted(elsewhere))
                .post("/api/requests").then().statusCode(201).extract().path("id");

        var stack = DevstackResource.stack();
        try (java.sql.Connection filing = java.sql.DriverManager.getConnection(stack.jdbcUrl("requests"),
                stack.username(), stack.password())) {
            filing.setAutoCommit(false);
            try (var s = filing.createStatement()) {
                s.execute("select pg_advisory_xact_lock_shared(23, hashtext('hepingli/" + code + "'))");
                s.execute("update resident_request set building = '" + code + "' where id = '" + id + "'");
            }
            var removal = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> worker().delete("/api/estate/buildings/" + code).then().extract().statusCode());
            // the removal is waiting for the request in flight, not answering before it commits
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> org.gongzhi.request.Fixtures
                    .count("select count(*) from pg_locks where locktype = 'advisory' and not granted") > 0);
            assertThat(removal).isNotDone();
            filing.commit();
            assertThat(removal.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(409);
        }
        worker().get("/api/estate/buildings").then().statusCode(200).body("code", hasItem(code));
    }
}
