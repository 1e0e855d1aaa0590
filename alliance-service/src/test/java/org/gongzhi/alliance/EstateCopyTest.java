package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alliance's copy of the estate registry follows the registry's compacted topics with no restart: a building or
 * category published there may be named by a rule at once; a removed one, or an older record read again, may not.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class EstateCopyTest {

    @BeforeEach
    void alliance() {
        Fixtures.leakAlliance();
    }

    /** A category of the test's own, so its rules change no other test's routing table. */
    private static String category() {
        String code = "estate-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaProbe.publish(Topics.ESTATE_CATEGORIES, code, UUID.randomUUID().toString(),
                "gongzhi.estate.category.defined.v1", """
                        {"communityId": "*", "code": "%s", "nameZh": "测试", "nameEn": "Test",
                         "tracks": ["ALLIANCE"], "defaultUrgency": "NORMAL", "respondWithin": "PT3H",
                         "resolveWithin": "PT48H", "skill": null, "version": 1, "definedAt": "2026-12-07T08:00:00Z"}"""
                        .formatted(code));
        return code;
    }

    private static int ruleStatus(String category, String building, String lead) {
        return given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"category": "%s", "buildings": [%s], "lead": "%s", "supporting": [], "priority": 5}"""
                        .formatted(category, building == null ? "" : "\"" + building + "\"", lead))
                .post("/api/routing-rules").then().extract().statusCode();
    }

    /** Publishes the registry's record of a building; returns its CloudEvents id. */
    private static String building(String code, long version, boolean removed) {
        String json = removed
                ? """
                  {"communityId": "hepingli", "code": "%s", "version": %d, "removedAt": "2026-12-07T08:00:00Z"}"""
                        .formatted(code, version)
                : """
                  {"communityId": "hepingli", "code": "%s", "name": "%s号楼", "floors": 6, "gridX": 9, "gridY": 4,
                   "units": [{"code": "1", "households": ["101"]}], "version": %d, "changedAt": "2026-12-07T08:00:00Z"}"""
                        .formatted(code, code, version);
        String id = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.ESTATE_BUILDINGS, "hepingli/" + code, id,
                removed ? "gongzhi.estate.building.removed.v1" : "gongzhi.estate.building.registered.v1", json);
        return id;
    }

    @Test
    void aPublishedBuildingIsKnownAtOnceAndARemovedOneIsNotEvenWhenAnOlderRecordComesAgain() {
        String category = category();
        String code = "N" + UUID.randomUUID().toString().substring(0, 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> ruleStatus(category, null, "police") == 201);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"" + category + "\", \"buildings\": [\"" + code + "\"], \"lead\": \"property\"}")
                .post("/api/routing-rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("buildings[0]"));

        building(code, 1, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> ruleStatus(category, code, "property") == 201);

        building(code, 2, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> ruleStatus(category, code, "water") == 400);
        // the registration read again (a consumer rebuilding from the topic's start): version 1 < 2 changes nothing
        String replayed = building(code, 1, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count(
                "select count(*) from processed_event where event_id = '" + replayed + "'") == 1);
        assertThat(ruleStatus(category, code, "police")).isEqualTo(400);
    }

    @Test
    void aPublishedCategoryMayBeRoutedAtOnce() {
        String code = "pets-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"" + code + "\", \"buildings\": [], \"lead\": \"property\"}")
                .post("/api/routing-rules").then().statusCode(400).body("errors.field", hasItem("category"));
        KafkaProbe.publish(Topics.ESTATE_CATEGORIES, code, UUID.randomUUID().toString(),
                "gongzhi.estate.category.defined.v1", """
                        {"communityId": "*", "code": "%s", "nameZh": "宠物扰民", "nameEn": "Pet nuisance",
                         "tracks": ["ALLIANCE"], "defaultUrgency": "NORMAL", "respondWithin": "PT3H",
                         "resolveWithin": "PT48H", "skill": null, "version": 1, "definedAt": "2026-12-07T08:00:00Z"}"""
                        .formatted(code));
        await().atMost(Duration.ofSeconds(30)).until(() -> ruleStatus(code, "7", "property") == 201);
    }

    private static java.util.List<String> categoriesKnownTo(String token) {
        return given().auth().oauth2(token).get("/api/routing-rules/estate").then().statusCode(200).extract()
                .jsonPath().getList("categories", String.class);
    }

    @Test
    void aCategoryWithdrawnInTheCommunityMayNotBeRoutedThereUntilItIsTakenBackAndAnOlderRecordChangesNothing() {
        String category = category();
        await().atMost(Duration.ofSeconds(30)).until(() -> ruleStatus(category, null, "police") == 201);

        KafkaProbe.publishCategoryAvailability("hepingli", category, true, 2);
        // waiting on a read: a rule accepted while the withdrawal is on its way would be there for good
        await().atMost(Duration.ofSeconds(30)).until(() -> !categoriesKnownTo(DevTokens.worker()).contains(category));
        assertThat(ruleStatus(category, "7", "property")).isEqualTo(400);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"" + category + "\", \"buildings\": [], \"lead\": \"water\"}")
                .post("/api/routing-rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
        // the withdrawal is the community's: another community still has the category
        assertThat(categoriesKnownTo(DevTokens.worker(DevTokens.SECOND_COMMUNITY))).contains(category);

        // an older record read again (version 1 < 2: once offered) changes nothing
        String replayed = KafkaProbe.publishCategoryAvailability("hepingli", category, false, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count(
                "select count(*) from processed_event where event_id = '" + replayed + "'") == 1);
        assertThat(ruleStatus(category, "7", "property")).isEqualTo(400);
        assertThat(Fixtures.count("select count(*) from estate_category_withdrawal where community_id = 'hepingli'"
                + " and code = '" + category + "' and withdrawn and version = 2")).isEqualTo(1);

        KafkaProbe.publishCategoryAvailability("hepingli", category, false, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> categoriesKnownTo(DevTokens.worker()).contains(category));
        assertThat(ruleStatus(category, "7", "property")).isEqualTo(201);
    }
}
