package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.gongzhi.events.VisitId;
import org.gongzhi.request.errand.VolunteerJobs;
import org.gongzhi.request.progress.TrackProgress;
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

    private static void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + eventId + "'") == 1);
    }

    @Test
    void progressMovesTheRequestToInProgressOnceAndNeverBack() {
        String id = shoppingHelp();
        Instant now = Instant.now();
        volunteerEvent(id, "gongzhi.volunteer.accepted.v1", """
                {"communityId": "hepingli", "offerId": "o-2", "requestId": "%s", "volunteerId": "v6070-02",
                 "acceptedAt": "%s"}""".formatted(id, now));
        Tracks.awaitStatus(id, "ASSIGNED");
        String progressId = UUID.randomUUID().toString();
        String progressed = """
                {"communityId": "hepingli", "offerId": "o-2", "requestId": "%s", "volunteerId": "v6070-02",
                 "note": "Rice bought, eggs next", "progressedAt": "%s"}""".formatted(id, now.plusSeconds(600));
        KafkaProbe.publish(Topics.VOLUNTEERING, id, progressId, "gongzhi.volunteer.progressed.v1", progressed);
        KafkaProbe.publish(Topics.VOLUNTEERING, id, progressId, "gongzhi.volunteer.progressed.v1", progressed);
        Tracks.awaitStatus(id, "IN_PROGRESS");
        // a late acceptance (an older offer) is recorded but moves nothing back
        String late = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.VOLUNTEERING, id, late, "gongzhi.volunteer.accepted.v1", """
                {"communityId": "hepingli", "offerId": "o-1", "requestId": "%s", "volunteerId": "v6070-01",
                 "acceptedAt": "%s"}""".formatted(id, now.minusSeconds(60)));
        awaitProcessed(late);

        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("status", equalTo("IN_PROGRESS"))
                .body("timeline.find { it.kind == 'VOLUNTEER_PROGRESSED' }.text",
                        containsString("Rice bought, eggs next"));
        assertThat(Fixtures.count("select count(*) from timeline_entry where kind = 'VOLUNTEER_PROGRESSED' "
                + "and request_id = '" + id + "'")).isEqualTo(1);
        var changes = KafkaProbe.records(Topics.REQUESTS, id,
                found -> found.stream().anyMatch(r -> r.value().contains("\"to\":\"IN_PROGRESS\"")));
        assertThat(changes.stream().filter(r -> r.value().contains("\"to\":\"IN_PROGRESS\""))).hasSize(1);
        assertThat(changes.stream().filter(r -> r.value().contains("\"to\":\"ASSIGNED\""))).hasSize(1);
    }

    private static String handedOver(String id, String to, Instant at) {
        return """
                {"communityId": "hepingli", "offerId": "o-3", "requestId": "%s", "volunteerId": "v6070-03",
                 "category": "appliance-repair", "building": "7", "handOverTo": "%s",
                 "reason": "the socket behind it is scorched", "handedOverAt": "%s"}""".formatted(id, to, at);
    }

    @Test
    void aHandOverTellsWhichPartyTakesItOverAndTheAllianceThenResolvesIt() {
        String id = Tracks.submit(DevTokens.resident("r-" + UUID.randomUUID()), "{\"category\": \"appliance-repair\", "
                + "\"description\": \"The kettle trips the power\", \"building\": \"7\"}");
        volunteerEvent(id, "gongzhi.volunteer.accepted.v1", """
                {"communityId": "hepingli", "offerId": "o-3", "requestId": "%s", "volunteerId": "v6070-03",
                 "acceptedAt": "%s"}""".formatted(id, Instant.now()));
        Tracks.awaitStatus(id, "ASSIGNED");
        String handOver = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.VOLUNTEERING, id, handOver, "gongzhi.volunteer.handed-over.v1",
                handedOver(id, "PROPERTY_MANAGEMENT", Instant.now()));
        awaitProcessed(handOver);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("status", equalTo("ASSIGNED"))
                .body("tracks", hasItem("ALLIANCE"))
                .body("timeline.find { it.kind == 'VOLUNTEER_HANDED_OVER' }.text",
                        containsString("the property management (物业), who takes it over"))
                .body("timeline.find { it.kind == 'VOLUNTEER_HANDED_OVER' }.text",
                        containsString("the socket behind it is scorched"));
        Tracks.assign(id, "t-" + UUID.randomUUID(), "property");
        Tracks.resolve(id);
    }

    @Test
    void anAllianceTrackThatFinishedBeforeTheHandOverMustFinishTheHandedOverWorkToo() {
        String id = Tracks.leakBy(DevTokens.resident("r-" + UUID.randomUUID()));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"addTracks\": [\"VOLUNTEERS\"]}").post("/api/requests/" + id + "/triage")
                .then().statusCode(200);
        Instant now = Instant.now();
        Tracks.assign(id, "t-" + UUID.randomUUID(), "property");
        String first = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.TASKS, id, first, "gongzhi.case.resolved.v1", """
                {"communityId": "hepingli", "requestId": "%s", "tasks": 1, "resolvedAt": "%s"}"""
                .formatted(id, now));
        awaitProcessed(first);
        String handOver = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.VOLUNTEERING, id, handOver, "gongzhi.volunteer.handed-over.v1",
                handedOver(id, "UTILITY", now.plusSeconds(60)));
        awaitProcessed(handOver);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("status", equalTo("ASSIGNED"));

        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.case.resolved.v1", """
                {"communityId": "hepingli", "requestId": "%s", "tasks": 2, "resolvedAt": "%s"}"""
                .formatted(id, now.plusSeconds(3600)));
        Tracks.awaitStatus(id, "RESOLVED");
    }
    /**
     * A check-on-neighbour visit is no request of this service's: its events are recognised as a visit's (by visitId,
     * or, for events already on the topic from before that field, by the visit id in requestId; also the alliance's
     * task on a missed visit) and pass by: applied, never dead-lettered, and with no warning in the log. A request's
     * event between them still moves its request.
     */
    @Test
    void aVisitsEventsAreRecognisedAsAVisitsAndPassByQuietly() {
        String warning = "w-" + UUID.randomUUID();
        String visit = VisitId.of(warning, UUID.randomUUID().toString()).value();
        String before = VisitId.of(warning, UUID.randomUUID().toString()).value();
        String id = shoppingHelp();
        Instant now = Instant.now();
        List<String> visitEvents = new ArrayList<>();
        Logged warnings = Logged.warningsOf(TrackProgress.class, VolunteerJobs.class);
        try {
            // the capture itself works: a warning in the category is caught
            String probe = "probe-" + UUID.randomUUID();
            org.jboss.logging.Logger.getLogger(TrackProgress.class).warnf("%s", probe);
            assertThat(warnings.messages()).anyMatch(m -> m.contains(probe));
            String withVisitId = UUID.randomUUID().toString();
            KafkaProbe.publish(Topics.VOLUNTEERING, visit, withVisitId, "gongzhi.volunteer.accepted.v1", """
                    {"communityId": "hepingli", "offerId": "o-v1", "requestId": "%1$s", "volunteerId": "v6070-01",
                     "acceptedAt": "%2$s", "visitId": "%1$s", "warningId": "%3$s"}""".formatted(visit, now, warning));
            visitEvents.add(withVisitId);
            String missed = UUID.randomUUID().toString();
            KafkaProbe.publish(Topics.VOLUNTEERING, visit, missed, "gongzhi.volunteer.unmatched.v1", """
                    {"communityId": "hepingli", "requestId": "%1$s", "category": "check-on-neighbour",
                     "building": "7", "reason": "missed", "unmatchedAt": "%2$s", "visitId": "%1$s",
                     "warningId": "%3$s"}""".formatted(visit, now, warning));
            visitEvents.add(missed);
            String published = UUID.randomUUID().toString();
            KafkaProbe.publish(Topics.VOLUNTEERING, before, published, "gongzhi.volunteer.completed.v1", """
                    {"communityId": "hepingli", "offerId": "o-v2", "requestId": "%s", "volunteerId": "v6070-01",
                     "hours": 0.5, "completedAt": "%s"}""".formatted(before, now));
            visitEvents.add(published);
            String officeTask = UUID.randomUUID().toString();
            KafkaProbe.publish(Topics.TASKS, visit, officeTask, "gongzhi.task.assigned.v1", """
                    {"communityId": "hepingli", "taskId": "t-%1$s", "requestId": "%1$s", "organisationId": "office",
                     "organisationName": "社区居委会", "role": "LEAD", "category": "check-on-neighbour",
                     "building": "7", "acknowledgeBy": "%2$s", "completeBy": "%2$s", "assignedAt": "%3$s"}"""
                    .formatted(visit, now.plusSeconds(3600), now));
            volunteerEvent(id, "gongzhi.volunteer.accepted.v1", """
                    {"communityId": "hepingli", "offerId": "o-1", "requestId": "%s", "volunteerId": "v6070-01",
                     "acceptedAt": "%s"}""".formatted(id, now));

            Tracks.awaitStatus(id, "ASSIGNED");
            await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count(
                    "select count(*) from processed_event where consumer = 'request-service.volunteering' and "
                            + "event_id in ('" + String.join("', '", visitEvents) + "')") == visitEvents.size()
                    && Fixtures.count("select count(*) from processed_event where consumer = 'request-service.tasks'"
                            + " and event_id = '" + officeTask + "'") == 1);
            assertThat(warnings.messages()).noneMatch(m -> m.contains(visit) || m.contains(before));
        } finally {
            warnings.close();
        }
        assertThat(Fixtures.count("select count(*) from track_task where task_id = 't-" + visit + "'")).isZero();
        assertThat(Fixtures.count("select count(*) from volunteer_job where offer_id in ('o-v1', 'o-v2')")).isZero();
    }
}
