package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A community withdraws a category of the catalogue and takes it back: published keyed by community and code, and
 * intake, triage, history import, Open311 and the catalogue's list read it through the community.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class CategoryWithdrawalTest {

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A category of its own for each test: the catalogue is the whole module's. */
    private static String newCategory() {
        String code = "pets-" + UUID.randomUUID().toString().substring(0, 8);
        as(DevTokens.worker()).body("""
                {"code": "%s", "nameZh": "宠物扰民", "nameEn": "Pet nuisance", "tracks": ["ALLIANCE"],
                 "defaultUrgency": "NORMAL", "respondWithin": "PT3H", "resolveWithin": "P2D"}""".formatted(code))
                .post("/api/categories").then().statusCode(201);
        return code;
    }

    private static String request(String category) {
        return """
                {"category": "%s", "description": "The dog next door barks all night", "building": "7",
                 "unit": "2", "household": "201", "channel": "phone"}""".formatted(category);
    }

    private static JsonPath availability(String code, int records) {
        var found = KafkaProbe.records(Topics.ESTATE_CATEGORIES, "hepingli/" + code, r -> r.size() >= records);
        assertThat(found).hasSize(records);
        var last = found.get(records - 1);
        assertThat(KafkaProbe.header(last, "ce_type")).isEqualTo("gongzhi.estate.category.availability-changed.v1");
        return JsonPath.from(last.value());
    }

    @Test
    void aWithdrawnCategoryIsRefusedAtIntakeAndWorksAgainOnceTakenBack() {
        String code = newCategory();
        String worker = DevTokens.worker();
        String water = as(worker).body(request("water-leak")).post("/api/requests").then().statusCode(201)
                .extract().path("id");

        as(worker).delete("/api/categories/" + code).then().statusCode(204);
        JsonPath withdrawn = availability(code, 1);
        assertThat(withdrawn.getString("communityId")).isEqualTo("hepingli");
        assertThat(withdrawn.getString("code")).isEqualTo(code);
        assertThat(withdrawn.getBoolean("withdrawn")).isTrue();
        assertThat(withdrawn.getLong("version")).isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from category_withdrawal where community_id = 'hepingli' and code = '"
                + code + "' and withdrawn and version = 1")).isEqualTo(1);

        // this community: not listed, refused naming the field wherever a request is given a category
        as(worker).get("/api/categories").then().statusCode(200).body("code", not(hasItem(code)));
        given().get("/api/categories").then().statusCode(200).body("code", not(hasItem(code)));
        given().get("/open311/v2/services.json").then().statusCode(200).body("service_code", not(hasItem(code)));
        given().get("/open311/v2/services/" + code + ".json").then().statusCode(404);
        given().formParam("api_key", "test-key").formParam("service_code", code).formParam("description", "狗叫")
                .formParam("address_id", "7").post("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].description", containsString("category"));
        as(worker).body(request(code)).post("/api/requests").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("category"))
                .body("errors.message", hasItem(containsString("withdrawn")));
        as(worker).body("{\"category\": \"%s\"}".formatted(code)).post("/api/requests/" + water + "/triage").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("category"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        as(worker).body("""
                {"source": "paper", "reference": "p-%s", "category": "%s", "description": "狗叫",
                 "building": "7", "unit": "2", "household": "201", "channel": "phone", "receivedAt": "%s",
                 "respondedAt": "%s", "resolvedAt": "%s"}""".formatted(code, code, now.minus(Duration.ofDays(3)),
                        now.minus(Duration.ofDays(3)).plusSeconds(600), now.minus(Duration.ofDays(2))))
                .post("/api/request-imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
        // another community still offers it (signed in, naming it before signing in, or as Open311's jurisdiction)
        as(Fixtures.workerOf("qingnianhu")).get("/api/categories").then().statusCode(200).body("code", hasItem(code));
        given().queryParam("community", "qingnianhu").get("/api/categories").then().statusCode(200)
                .body("code", hasItem(code));
        String jurisdiction = "qn-" + UUID.randomUUID().toString().substring(0, 8);
        as(DevTokens.admin()).body("""
                {"name": "青年湖社区", "nameEn": "Qingnianhu community",
                 "subdistrict": {"id": "%s", "name": "和平里街道", "nameEn": "Hepingli Sub-district"}}"""
                .formatted(DevTokens.SUBDISTRICT)).put("/api/estate/communities/" + jurisdiction).then().statusCode(201);
        given().queryParam("jurisdiction_id", jurisdiction).get("/open311/v2/services.json").then().statusCode(200)
                .body("service_code", hasItem(code));
        given().queryParam("jurisdiction_id", jurisdiction).get("/open311/v2/services/" + code + ".json").then()
                .statusCode(200);

        // withdrawing it again changes nothing
        as(worker).delete("/api/categories/" + code).then().statusCode(204);
        assertThat(Fixtures.count("select count(*) from category_withdrawal where code = '" + code + "' and version = 1"))
                .isEqualTo(1);

        as(worker).put("/api/categories/" + code + "/communities/hepingli").then().statusCode(204);
        JsonPath back = availability(code, 2);
        assertThat(back.getBoolean("withdrawn")).isFalse();
        assertThat(back.getLong("version")).isEqualTo(2);
        as(worker).get("/api/categories").then().statusCode(200).body("code", hasItem(code));
        as(worker).body(request(code)).post("/api/requests").then().statusCode(201);
        as(worker).body("{\"category\": \"%s\"}".formatted(code)).post("/api/requests/" + water + "/triage").then()
                .statusCode(200);
    }

    @Test
    void onlyTheCommunitysOwnWorkersAndAdminsChooseItsCategories() {
        String code = newCategory();
        String elsewhere = Fixtures.workerOf("qingnianhu");
        as(elsewhere).delete("/api/categories/" + code + "/communities/hepingli").then().statusCode(403)
                .contentType("application/problem+json");
        as(DevTokens.worker()).delete("/api/categories/" + code + "/communities/hepingli").then().statusCode(204);
        availability(code, 1);
        as(elsewhere).put("/api/categories/" + code + "/communities/hepingli").then().statusCode(403)
                .contentType("application/problem+json");
        as(DevTokens.resident("r-1")).put("/api/categories/" + code + "/communities/hepingli").then().statusCode(403);
        as(DevTokens.resident("r-1")).delete("/api/categories/" + code).then().statusCode(403);
        // still withdrawn here; the other community's withdrawal is its own
        as(DevTokens.worker()).get("/api/categories").then().body("code", not(hasItem(code)));
        as(elsewhere).delete("/api/categories/" + code).then().statusCode(204);
        assertThat(Fixtures.count("select count(*) from category_withdrawal where code = '" + code + "' and withdrawn"))
                .isEqualTo(2);
        as(DevTokens.admin()).put("/api/categories/" + code + "/communities/hepingli").then().statusCode(204);
        as(DevTokens.worker()).get("/api/categories").then().body("code", hasItem(code));
        as(elsewhere).get("/api/categories").then().body("code", not(hasItem(code)));

        as(DevTokens.worker()).delete("/api/categories/no-such-category").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCategoryWithARequestThatIsNotOverStays() {
        String code = newCategory();
        String worker = DevTokens.worker();
        String id = as(worker).body(request(code)).post("/api/requests").then().statusCode(201).extract().path("id");
        as(worker).delete("/api/categories/" + code).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("open requests"));
        as(worker).get("/api/categories").then().body("code", hasItem(code));
        assertThat(Fixtures.count("select count(*) from category_withdrawal where code = '" + code + "'")).isZero();

        as(worker).body("{\"text\": \"filed twice\"}").post("/api/requests/" + id + "/withdraw").then().statusCode(200);
        as(worker).delete("/api/categories/" + code).then().statusCode(204);
        assertThat(availability(code, 1).getBoolean("withdrawn")).isTrue();
    }

    /**
     * A community sets its own time limits for a category: its list and its requests' deadlines follow them, another
     * community keeps the catalogue's, the change is published as the community's choice, and clearing them brings
     * the catalogue's back.
     */
    @Test
    void aCommunitysOwnTimeLimitsTimeItsRequestsAndNoOtherCommunitys() {
        String code = newCategory();
        String worker = DevTokens.worker();
        String limits = "/api/categories/" + code + "/communities/hepingli/time-limits";
        as(worker).body("{\"respondWithin\": \"PT1H\", \"resolveWithin\": \"P1D\"}").put(limits).then()
                .statusCode(200).body("code", equalTo(code)).body("respondWithin", equalTo("PT1H"))
                .body("resolveWithin", equalTo("PT24H"));
        JsonPath choice = availability(code, 1);
        assertThat(choice.getBoolean("withdrawn")).isFalse();
        assertThat(choice.getString("respondWithin")).isEqualTo("PT1H");
        assertThat(choice.getString("resolveWithin")).isEqualTo("PT24H");

        as(worker).get("/api/categories").then().statusCode(200)
                .body("find { it.code == '%s' }.respondWithin".formatted(code), equalTo("PT1H"));
        as(Fixtures.workerOf("qingnianhu")).get("/api/categories").then().statusCode(200)
                .body("find { it.code == '%s' }.respondWithin".formatted(code), equalTo("PT3H"));
        JsonPath filed = as(worker).body(request(code)).post("/api/requests").then().statusCode(201).extract()
                .jsonPath();
        Instant created = Instant.parse(filed.getString("createdAt"));
        assertThat(Duration.between(created, Instant.parse(filed.getString("respondBy")))).isEqualTo(Duration.ofHours(1));
        assertThat(Duration.between(created, Instant.parse(filed.getString("resolveBy")))).isEqualTo(Duration.ofDays(1));

        // refused naming the field, nothing published; another community's worker may not
        as(worker).body("{\"respondWithin\": \"PT2H\", \"resolveWithin\": \"PT1H\"}").put(limits).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("resolveWithin"));
        as(worker).body("{\"respondWithin\": \"PT0S\", \"resolveWithin\": \"PT1H\"}").put(limits).then()
                .statusCode(400).body("errors.field", hasItem("respondWithin"));
        as(worker).body("{\"respondWithin\": \"PT2H\"}").put(limits).then().statusCode(400)
                .body("errors.field", hasItem(containsString("resolveWithin")));
        as(Fixtures.workerOf("qingnianhu")).body("{\"respondWithin\": \"PT2H\", \"resolveWithin\": \"P2D\"}")
                .put(limits).then().statusCode(403).contentType("application/problem+json");
        as(worker).body("{\"respondWithin\": \"PT2H\", \"resolveWithin\": \"P2D\"}")
                .put("/api/categories/no-such-category/communities/hepingli/time-limits").then().statusCode(404);
        assertThat(Fixtures.count("select count(*) from category_withdrawal where code = '" + code + "' and version = 1"))
                .isEqualTo(1);

        as(worker).delete(limits).then().statusCode(204);
        JsonPath cleared = availability(code, 2);
        assertThat(cleared.getString("respondWithin")).isNull();
        assertThat(cleared.getLong("version")).isEqualTo(2);
        as(worker).get("/api/categories").then()
                .body("find { it.code == '%s' }.respondWithin".formatted(code), equalTo("PT3H"));
        // the request filed under the community's limits keeps its deadlines
        as(worker).get("/api/requests/" + filed.getString("id")).then().statusCode(200)
                .body("respondBy", equalTo(filed.getString("respondBy")));
        as(worker).delete(limits).then().statusCode(204);
        assertThat(Fixtures.count("select count(*) from category_withdrawal where code = '" + code + "' and version = 2"))
                .isEqualTo(1);
    }

    /** What the console's estate page lists: every category, the withdrawn ones too, and whose time limits apply. */
    @Test
    void aCommunitysWorkersSeeEveryCategoryWithItsChoiceWithdrawnOnesIncluded() {
        String withdrawn = newCategory();
        String limited = newCategory();
        String worker = DevTokens.worker();
        as(worker).delete("/api/categories/" + withdrawn).then().statusCode(204);
        as(worker).body("{\"respondWithin\": \"PT1H\", \"resolveWithin\": \"P1D\"}")
                .put("/api/categories/" + limited + "/communities/hepingli/time-limits").then().statusCode(200);

        String of = "categories.find { it.code == '%s' }.";
        as(worker).get("/api/categories/choices").then().statusCode(200).body("community", equalTo("hepingli"))
                .body(of.formatted(withdrawn) + "withdrawn", equalTo(true))
                .body(of.formatted(withdrawn) + "nameEn", equalTo("Pet nuisance"))
                .body(of.formatted(withdrawn) + "ownRespondWithin", equalTo(null))
                .body(of.formatted(limited) + "withdrawn", equalTo(false))
                .body(of.formatted(limited) + "respondWithin", equalTo("PT3H"))
                .body(of.formatted(limited) + "ownRespondWithin", equalTo("PT1H"))
                .body(of.formatted(limited) + "ownResolveWithin", equalTo("PT24H"))
                .body(of.formatted("water-leak") + "withdrawn", equalTo(false));
        // another community chose neither
        as(Fixtures.workerOf("qingnianhu")).get("/api/categories/choices").then().statusCode(200)
                .body("community", equalTo("qingnianhu"))
                .body(of.formatted(withdrawn) + "withdrawn", equalTo(false))
                .body(of.formatted(limited) + "ownRespondWithin", equalTo(null));
        as(DevTokens.resident("r-1")).get("/api/categories/choices").then().statusCode(403);
        given().get("/api/categories/choices").then().statusCode(401);

        as(worker).put("/api/categories/" + withdrawn + "/communities/hepingli").then().statusCode(204);
        as(worker).get("/api/categories/choices").then().body(of.formatted(withdrawn) + "withdrawn", equalTo(false));
    }

    /**
     * A request being filed in the category while the community withdraws it: the withdrawal waits for the request's
     * transaction (the lock intake holds to its end), then finds the request open (409). The request in flight is
     * played by a transaction held open here, holding that lock and moving an open request into the category.
     */
    @Test
    void aWithdrawalWaitsForARequestBeingFiledInTheCategoryAndThenRefuses() throws Exception {
        String code = newCategory();
        String worker = DevTokens.worker();
        String id = as(worker).body(request("water-leak")).post("/api/requests").then().statusCode(201)
                .extract().path("id");
        try (Connection filing = heldOpen()) {
            try (var s = filing.createStatement()) {
                s.execute("select pg_advisory_xact_lock_shared(24, hashtext('hepingli/" + code + "'))");
                s.execute("update resident_request set category = '" + code + "' where id = '" + id + "'");
            }
            var withdrawal = CompletableFuture.supplyAsync(
                    () -> as(worker).delete("/api/categories/" + code).then().extract().statusCode());
            awaitWaitingForALock();
            assertThat(withdrawal).isNotDone();
            filing.commit();
            assertThat(withdrawal.get(20, TimeUnit.SECONDS)).isEqualTo(409);
        }
        as(worker).get("/api/categories").then().statusCode(200).body("code", hasItem(code));
        assertThat(Fixtures.count("select count(*) from category_withdrawal where code = '" + code + "'")).isZero();
    }

    /**
     * A request filed (or triaged into the category) while a withdrawal of it is under way, on another instance whose
     * change this one's memory has not read yet: it waits for the withdrawal, then reads it from the database and is
     * refused (400 naming the category), nothing written. The withdrawal is played by a transaction held open here.
     */
    @Test
    void aRequestFiledWhileTheCategoryIsBeingWithdrawnWaitsAndIsRefused() throws Exception {
        String code = newCategory();
        String worker = DevTokens.worker();
        String water = as(worker).body(request("water-leak")).post("/api/requests").then().statusCode(201)
                .extract().path("id");
        long before = Fixtures.count("select count(*) from resident_request where category = '" + code + "'");
        try (Connection withdrawing = heldOpen()) {
            try (var s = withdrawing.createStatement()) {
                s.execute("select pg_advisory_xact_lock(24, hashtext('hepingli/" + code + "'))");
                s.execute("insert into category_withdrawal (community_id, code, withdrawn, version, changed_at)"
                        + " values ('hepingli', '" + code + "', true, 1, now())");
            }
            var filed = CompletableFuture.supplyAsync(() -> as(worker).body(request(code)).post("/api/requests")
                    .then().extract().response());
            var triaged = CompletableFuture.supplyAsync(() -> as(worker).body("{\"category\": \"%s\"}"
                    .formatted(code)).post("/api/requests/" + water + "/triage").then().extract().response());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count(
                    "select count(*) from pg_locks where locktype = 'advisory' and not granted") >= 2);
            assertThat(filed).isNotDone();
            assertThat(triaged).isNotDone();
            withdrawing.commit();
            for (var answer : java.util.List.of(filed.get(20, TimeUnit.SECONDS), triaged.get(20, TimeUnit.SECONDS))) {
                assertThat(answer.statusCode()).isEqualTo(400);
                assertThat(answer.jsonPath().getList("errors.field", String.class)).contains("category");
            }
        }
        assertThat(Fixtures.count("select count(*) from resident_request where category = '" + code + "'"))
                .isEqualTo(before);
        as(worker).get("/api/requests/" + water).then().statusCode(200).body("category", equalTo("water-leak"));
    }

    /** A transaction of this test, on the module's database, left open until the test commits it. */
    private static Connection heldOpen() throws java.sql.SQLException {
        var stack = DevstackResource.stack();
        Connection c = DriverManager.getConnection(stack.jdbcUrl("requests"), stack.username(), stack.password());
        c.setAutoCommit(false);
        return c;
    }

    private static void awaitWaitingForALock() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted") > 0);
    }
}
