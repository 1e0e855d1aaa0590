package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request for volunteers follows their events; one nobody takes goes to the alliance and resolves there. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class VolunteerTrackTest {

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    private static String shoppingHelp() {
        return Tracks.submit(DevTokens.resident("r-" + UUID.randomUUID()),
                "{\"category\": \"shopping-help\", \"description\": \"Please buy rice and eggs\", \"building\": \"7\"}");
    }

    private static void volunteerEvent(String requestId, String type, String json) {
        KafkaProbe.publish(Topics.VOLUNTEERING, requestId, UUID.randomUUID().toString(), type, json);
    }

    @Test
    void acceptedThenCompletedResolvesTheRequest() {
        String id = shoppingHelp();
        Instant now = Instant.now();
        volunteerEvent(id, "gongzhi.volunteer.accepted.v1", """
                {"communityId": "hepingli", "offerId": "o-1", "requestId": "%s", "volunteerId": "v6070-01",
                 "acceptedAt": "%s"}""".formatted(id, now));
        Tracks.awaitStatus(id, "ASSIGNED");
        volunteerEvent(id, "gongzhi.volunteer.completed.v1", """
                {"communityId": "hepingli", "offerId": "o-1", "requestId": "%s", "volunteerId": "v6070-01",
                 "hours": 1.0, "completedAt": "%s"}""".formatted(id, now.plusSeconds(3600)));
        Tracks.awaitStatus(id, "RESOLVED");
    }

    @Test
    void theAllianceFinishingBeforeTheHandBackArrivesStillResolvesIt() {
        String id = shoppingHelp();
        Tracks.assign(id, "t-" + UUID.randomUUID(), "office");
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.case.resolved.v1", """
                {"communityId": "hepingli", "requestId": "%s", "tasks": 1, "resolvedAt": "%s"}"""
                .formatted(id, Instant.now()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                        .body("timeline.kind", hasItem("TRACK_COMPLETED")));
        volunteerEvent(id, "gongzhi.volunteer.unmatched.v1", """
                {"communityId": "hepingli", "requestId": "%s", "category": "shopping-help", "building": "7",
                 "reason": "nobody free", "unmatchedAt": "%s"}""".formatted(id, Instant.now()));
        Tracks.awaitStatus(id, "RESOLVED");
    }

    @Test
    void unmatchedGoesToTheAllianceWhichResolvesIt() {
        String id = shoppingHelp();
        volunteerEvent(id, "gongzhi.volunteer.unmatched.v1", """
                {"communityId": "hepingli", "requestId": "%s", "category": "shopping-help", "building": "7",
                 "reason": "nobody free", "unmatchedAt": "%s"}""".formatted(id, Instant.now()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                        .body("timeline.kind", hasItem("VOLUNTEER_UNMATCHED")));
        Tracks.assign(id, "t-" + UUID.randomUUID(), "office");
        Tracks.resolve(id);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("tracks", hasItem("ALLIANCE")).body("timeline.kind", hasItem("VOLUNTEER_UNMATCHED"));
    }
}
