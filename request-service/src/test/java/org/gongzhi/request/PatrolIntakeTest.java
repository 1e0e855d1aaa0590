package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A problem found on a patrol becomes one request on the 'rounds' channel, routed like any other. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class PatrolIntakeTest {
    private final String warningId = "w-" + UUID.randomUUID();

    @BeforeEach
    void estate() {
        Fixtures.building("7");
        Fixtures.place("north-gate", "小区北门");
    }

    /** A problem at risk point rp-7: in {@code building}, or (with none) at the named place north-gate. */
    private static String problem(String warningId, String problemId, String category, String building,
            String description) {
        return """
                {"communityId": "hepingli", "warningId": "%s", "patrolId": "p-1", "problemId": "%s",
                 "riskPointId": "rp-7", "riskPointName": "7号楼北侧雨棚", "building": %s, "place": "north awning",
                 "riskPointPlace": %s,
                 "category": "%s", "urgency": "URGENT", "description": "%s", "organisationId": "property",
                 "foundAt": "%s"}""".formatted(warningId, problemId, building == null ? "null" : "\"" + building + "\"",
                building == null ? "\"north-gate\"" : "null", category, description, Instant.now());
    }

    private void found(String eventId, String json) {
        KafkaProbe.publish(Topics.WARNINGS, warningId, eventId, "gongzhi.patrol.problem-found.v1", json);
    }

    private static long requestsFor(String problemId) {
        return Fixtures.count("select count(*) from resident_request where idempotency_key = 'problem:" + problemId
                + "'");
    }

    private static String requestOf(String text) {
        List<String> ids = given().auth().oauth2(DevTokens.worker()).queryParam("channel", "rounds")
                .queryParam("q", text).get("/api/requests").then().statusCode(200).extract().path("items.id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    @Test
    void aProblemBecomesOneRoutedRequestHoweverOftenItArrives() {
        String problemId = "pb-" + UUID.randomUUID();
        String text = "Loose awning " + problemId;
        String eventId = UUID.randomUUID().toString();
        String json = problem(warningId, problemId, "safety-risk", "7", text);
        found(eventId, json);
        found(eventId, json);                              // redelivered
        found(UUID.randomUUID().toString(), json);         // the same problem re-sent as a new event
        String marker = "pb-" + UUID.randomUUID();
        found(UUID.randomUUID().toString(), problem(warningId, marker, "safety-risk", null, "Fallen branch " + marker));

        await().atMost(Duration.ofSeconds(20)).until(() -> requestsFor(marker) == 1);
        assertThat(requestsFor(problemId)).isEqualTo(1);

        String id = requestOf(text);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then().statusCode(200)
                .body("channel", equalTo("rounds"))
                .body("category", equalTo("safety-risk"))
                .body("urgency", equalTo("URGENT"))
                .body("building", equalTo("7"))
                .body("place", nullValue())
                .body("description", equalTo("north awning: " + text))
                .body("status", equalTo("SUBMITTED"))
                .body("tracks", hasItem("ALLIANCE"))
                .body("timeline.kind", hasItem("PATROL"));
        assertThat(Fixtures.count("select count(*) from resident_request where id = '" + id
                + "' and resident_id is null")).isEqualTo(1);

        var submitted = KafkaProbe.records(Topics.REQUESTS, id, found -> !found.isEmpty());
        assertThat(submitted).singleElement().satisfies(r -> {
            assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo("gongzhi.request.submitted.v1");
            assertThat(r.value()).contains("\"channel\":\"rounds\"").contains("\"category\":\"safety-risk\"")
                    .contains("\"building\":\"7\"");
        });

        // a risk point at a named place: the request is at that place of the registry
        String branch = requestOf("Fallen branch " + marker);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + branch).then()
                .body("building", nullValue()).body("place", equalTo("north-gate"));
    }

    @Test
    void anUnknownCategoryOrBuildingIsPoisonAndTheNextProblemStillFlows() {
        found(UUID.randomUUID().toString(), problem(warningId, "pb-" + UUID.randomUUID(), "alien-landing", "7",
                "Strange lights"));
        found(UUID.randomUUID().toString(), problem(warningId, "pb-" + UUID.randomUUID(), "safety-risk", "99Z",
                "Cracked wall"));
        String good = "pb-" + UUID.randomUUID();
        found(UUID.randomUUID().toString(), problem(warningId, good, "blocked-drain", "7", "Drain overflowing"));

        var dead = KafkaProbe.records(Topics.deadLetter(Topics.WARNINGS), warningId, found -> found.size() >= 2);
        assertThat(dead).hasSize(2);
        assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).contains("unknown category 'alien-landing'");
        assertThat(KafkaProbe.header(dead.get(1), "dead-letter-reason")).contains("building '99Z'");
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsFor(good) == 1);
    }
}
