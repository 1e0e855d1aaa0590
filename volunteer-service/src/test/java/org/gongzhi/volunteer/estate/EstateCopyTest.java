package org.gongzhi.volunteer.estate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.gongzhi.volunteer.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * volunteer-service's copy of the estate registry follows its compacted topics with no restart: the grid takes a new
 * building (and drops a removed one), and matching asks for the skill the catalogue names for a new category.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class EstateCopyTest {

    /** Publishes the registry's record of a new category that needs the skill "tutoring". */
    private static void tutoring(String category) {
        KafkaProbe.publish(Topics.ESTATE_CATEGORIES, category, UUID.randomUUID().toString(),
                "gongzhi.estate.category.defined.v1", """
                        {"communityId": "*", "code": "%s", "nameZh": "课业辅导", "nameEn": "Tutoring",
                         "tracks": ["VOLUNTEERS"], "defaultUrgency": "LOW", "respondWithin": "PT24H",
                         "resolveWithin": "PT168H", "skill": "tutoring", "version": 1,
                         "definedAt": "2026-12-07T08:00:00Z"}""".formatted(category));
    }

    @Test
    void aNewCategoryIsMatchedBySkillTheCatalogueNames() {
        String category = "tutoring-" + UUID.randomUUID().toString().substring(0, 6);
        tutoring(category);
        Fixtures.building("1", 0, 0);
        String request = "req-" + UUID.randomUUID();
        Instant now = Instant.now();
        // the request may come before the category's record: wait until the copy has it, then submit
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.skillOf(category) != null);
        KafkaProbe.publish(Topics.REQUESTS, request, "ev-" + request, "gongzhi.request.submitted.v1", """
                {"communityId": "hepingli", "requestId": "%s", "category": "%s", "building": "1",
                 "urgency": "LOW", "tracks": ["VOLUNTEERS"], "description": "maths homework",
                 "channel": "app", "respondBy": "%s", "resolveBy": "%s", "submittedAt": "%s"}"""
                .formatted(request, category, now.plusSeconds(86400), now.plusSeconds(7 * 86400), now));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.worker())
                .get("/api/matchings/" + request).then().statusCode(200).body("skill", equalTo("tutoring")));
    }

    @Test
    void theGridTakesANewBuildingAndDropsARemovedOne() {
        String code = "G" + UUID.randomUUID().toString().substring(0, 5);
        Fixtures.building(code, 40, 41);
        given().auth().oauth2(DevTokens.worker()).get("/api/buildings").then().statusCode(200)
                .body("find { it.code == '%s' }.gridX".formatted(code), equalTo(40));
        KafkaProbe.publish(Topics.ESTATE_BUILDINGS, "hepingli/" + code, UUID.randomUUID().toString(),
                "gongzhi.estate.building.removed.v1", """
                        {"communityId": "hepingli", "code": "%s", "version": %d, "removedAt": "2026-12-07T08:00:00Z"}"""
                        .formatted(code, Fixtures.gridVersion(code) + 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.worker())
                .get("/api/buildings").then().statusCode(200).body("code", not(hasItem(code))));
        Fixtures.team("6070", null);
        Fixtures.as(DevTokens.worker()).body("""
                {"id": "v-%s", "name": "志愿者", "team": "6070", "building": "%s", "skills": ["errands"],
                 "availability": %s, "maxTasksPerWeek": 5}""".formatted(code, code, Fixtures.ALWAYS))
                .post("/api/volunteers").then().statusCode(400).body("errors.field", hasItem("building"));
    }

    @Test
    void anotherCommunitysBuildingIsNotOnTheGridOfThisOne() {
        // the same code in two communities: each keeps its own place, and neither sees the other's building
        String code = "C" + UUID.randomUUID().toString().substring(0, 5);
        Fixtures.building(code, 5, 6);
        Fixtures.building("qingnianhu", code, 70, 71);
        String only = "Q" + UUID.randomUUID().toString().substring(0, 5);
        Fixtures.building("qingnianhu", only, 72, 73);
        given().auth().oauth2(DevTokens.worker()).get("/api/buildings").then().statusCode(200)
                .body("find { it.code == '%s' }.gridX".formatted(code), equalTo(5))
                .body("code", not(hasItem(only)));
        given().auth().oauth2(DevTokens.worker("qingnianhu")).get("/api/buildings").then().statusCode(200)
                .body("find { it.code == '%s' }.gridX".formatted(code), equalTo(70))
                .body("code", hasItem(only));
        Fixtures.team("6070", null);
        Fixtures.as(DevTokens.worker()).body("""
                {"id": "v-%s", "name": "志愿者", "team": "6070", "building": "%s", "skills": ["errands"],
                 "availability": %s, "maxTasksPerWeek": 5}""".formatted(only, only, Fixtures.ALWAYS))
                .post("/api/volunteers").then().statusCode(400).body("errors.field", hasItem("building"));
    }

    private static long count(String sql) {
        var stack = DevstackResource.stack();
        try (var c = java.sql.DriverManager.getConnection(stack.jdbcUrl("volunteers"), stack.username(),
                stack.password()); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int askVolunteers(String token, String category, String building) {
        return Fixtures.as(token).body("""
                {"requestId": "req-%s", "category": "%s", "building": "%s"}"""
                .formatted(UUID.randomUUID(), category, building)).post("/api/matchings").then().extract().statusCode();
    }

    @Test
    void aCategoryWithdrawnInTheCommunityIsNotAskedForThereUntilItIsTakenBackAndAnOlderRecordChangesNothing() {
        String category = "tutoring-" + UUID.randomUUID().toString().substring(0, 6);
        tutoring(category);
        String code = "W" + UUID.randomUUID().toString().substring(0, 5);
        Fixtures.building(code, 7, 8);
        Fixtures.building("qingnianhu", code, 7, 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.skillOf(category) != null);

        KafkaProbe.publishCategoryAvailability("hepingli", category, true, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> askVolunteers(DevTokens.worker(), category, code) == 400);
        Fixtures.as(DevTokens.worker()).body("""
                {"requestId": "req-%s", "category": "%s", "building": "%s"}""".formatted(UUID.randomUUID(), category,
                        code)).post("/api/matchings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
        // the withdrawal is the community's: the other community still asks for it
        assertThat(askVolunteers(DevTokens.worker("qingnianhu"), category, code))
                .isEqualTo(201);

        // an older record read again (version 1 < 2: once offered) changes nothing
        String replayed = KafkaProbe.publishCategoryAvailability("hepingli", category, false, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from processed_event where event_id = '" + replayed + "'") == 1);
        assertThat(askVolunteers(DevTokens.worker(), category, code)).isEqualTo(400);
        assertThat(count("select count(*) from category_withdrawal where community_id"
                + " = 'hepingli' and code = '" + category + "' and withdrawn and version = 2")).isEqualTo(1);

        KafkaProbe.publishCategoryAvailability("hepingli", category, false, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> askVolunteers(DevTokens.worker(), category, code) == 201);
    }
}
