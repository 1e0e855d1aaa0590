package org.gongzhi.volunteer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongzhi.volunteer.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;

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
import org.gongzhi.volunteer.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The volunteer track follows a worker's triage: the VOLUNTEERS track added starts a matching, removed stops it and
 * cancels its offers; a request rejected, withdrawn or merged cancels them too; an un-merge starts it again.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class RequestEndTest {
    private static final String OFFERED = "gongzhi.volunteer.offered.v1";

    @Test
    void theVolunteerTrackAddedByTriageStartsAMatchingAndRemovedCancelsItsOffer() {
        String fixer = volunteerIn("431");
        String request = UUID.randomUUID().toString();
        String added = recategorised(request, List.of("ALLIANCE", "VOLUNTEERS"), List.of("VOLUNTEERS"), List.of());
        KafkaProbe.publish(Topics.REQUESTS, request, "add-" + request, "gongzhi.request.recategorised.v1", added);
        KafkaProbe.publish(Topics.REQUESTS, request, "add-" + request, "gongzhi.request.recategorised.v1", added);
        assertThat(Fixtures.events(request, OFFERED, 1)).hasSize(1);
        String offer = offerOf(fixer, request);

        KafkaProbe.publish(Topics.REQUESTS, request, "rm-" + request, "gongzhi.request.recategorised.v1",
                recategorised(request, List.of("ALLIANCE"), List.of(), List.of("VOLUNTEERS")));
        awaitStatus(request, "WITHDRAWN");
        as(DevTokens.worker()).get("/api/matchings/" + request).then().statusCode(200)
                .body("offers.size()", equalTo(1)).body("offers[0].status", equalTo("CANCELLED"))
                .body("offers[0].offerId", equalTo(offer));
        as(DevTokens.volunteer(fixer)).post("/api/offers/" + offer + "/accept").then().statusCode(409);
    }

    @Test
    void aMergedRequestsAcceptedOfferIsCancelledAndAnUnmergeMatchesItAgain() {
        String fixer = volunteerIn("432");
        String request = UUID.randomUUID().toString();
        Instant now = Instant.now();
        KafkaProbe.publish(Topics.REQUESTS, request, "sub-" + request, "gongzhi.request.submitted.v1", """
                {"communityId": "hepingli", "requestId": "%s", "category": "shopping-help", "building": "432",
                 "urgency": "NORMAL", "tracks": ["VOLUNTEERS"], "description": "rice and oil", "channel": "app",
                 "respondBy": "%s", "resolveBy": "%s", "submittedAt": "%s"}"""
                .formatted(request, now.plusSeconds(3600), now.plusSeconds(86400), now));
        assertThat(Fixtures.events(request, OFFERED, 1)).hasSize(1);
        String offer = offerOf(fixer, request);
        as(DevTokens.volunteer(fixer)).post("/api/offers/" + offer + "/accept").then().statusCode(200);

        KafkaProbe.publish(Topics.REQUESTS, request, "merge-" + request, "gongzhi.request.status-changed.v1",
                statusChanged(request, "ASSIGNED", "MERGED"));
        awaitStatus(request, "WITHDRAWN");
        as(DevTokens.worker()).get("/api/matchings/" + request).then()
                .body("offers[0].status", equalTo("CANCELLED"));
        // the volunteer sees the job they had accepted as cancelled, and can no longer complete it
        as(DevTokens.volunteer(fixer)).body("{\"hours\": 1}").post("/api/offers/" + offer + "/complete")
                .then().statusCode(409);

        KafkaProbe.publish(Topics.REQUESTS, request, "unmerge-" + request, "gongzhi.request.status-changed.v1",
                statusChanged(request, "MERGED", "ASSIGNED"));
        assertThat(Fixtures.events(request, OFFERED, 2)).hasSize(2);
        awaitStatus(request, "MATCHING");
    }

    @Test
    void aRejectedRequestsOfferIsCancelled() {
        volunteerIn("433");
        String request = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.REQUESTS, request, "add-" + request, "gongzhi.request.recategorised.v1",
                recategorised(request, List.of("VOLUNTEERS"), List.of("VOLUNTEERS"), List.of())
                        .replace("\"building\": \"431\"", "\"building\": \"433\""));
        assertThat(Fixtures.events(request, OFFERED, 1)).hasSize(1);
        KafkaProbe.publish(Topics.REQUESTS, request, "rej-" + request, "gongzhi.request.status-changed.v1",
                statusChanged(request, "ASSIGNED", "REJECTED"));
        awaitStatus(request, "WITHDRAWN");
        as(DevTokens.worker()).get("/api/matchings/" + request).then()
                .body("offers[0].status", equalTo("CANCELLED"));
    }

    private static String volunteerIn(String building) {
        Fixtures.building(building, Integer.parseInt(building), Integer.parseInt(building));
        String s = Fixtures.suffix();
        Fixtures.team("end-" + s, null);
        String fixer = "fix-" + s;
        Fixtures.volunteer(fixer, "end-" + s, building, "errands");
        return fixer;
    }

    private static String offerOf(String volunteer, String request) {
        return as(DevTokens.volunteer(volunteer)).get("/api/volunteers/me/offers").then().statusCode(200)
                .extract().path("find { it.requestId == '%s' }.id".formatted(request));
    }

    private static void awaitStatus(String request, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(DevTokens.worker())
                .get("/api/matchings/" + request).then().statusCode(200).body("status", equalTo(status)));
    }

    private static String recategorised(String request, List<String> tracks, List<String> added,
            List<String> removed) {
        Instant now = Instant.now();
        return """
                {"communityId": "hepingli", "requestId": "%s", "category": "shopping-help",
                 "previousCategory": "water-leak", "building": "431", "urgency": "NORMAL", "tracks": %s,
                 "addedTracks": %s, "removedTracks": %s, "respondBy": "%s", "resolveBy": "%s", "status": "ASSIGNED",
                 "recategorisedAt": "%s"}"""
                .formatted(request, json(tracks), json(added), json(removed), now.plusSeconds(3600),
                        now.plusSeconds(86400), now);
    }

    private static String statusChanged(String request, String from, String to) {
        return """
                {"communityId": "hepingli", "requestId": "%s", "category": "shopping-help", "building": "432",
                 "from": "%s", "to": "%s", "reason": "a worker's decision", "changedAt": "%s",
                 "mergedInto": %s}"""
                .formatted(request, from, to, Instant.now(), "MERGED".equals(to) ? "\"" + UUID.randomUUID() + "\""
                        : "null");
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }
}
