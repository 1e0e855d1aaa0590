package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.devstack.TestClock;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Triage at every open state: a request is routed milliseconds after intake, and merge, re-categorise, reject and
 * acknowledge still work on it; each change is one event on gongzhi.requests and one timeline entry.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class TriageTest {
    /** The open states a worker meets a request in. */
    enum OpenState { SUBMITTED, ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, REOPENED }

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @ParameterizedTest
    @EnumSource(OpenState.class)
    void aDuplicateIsMergedIntoItsMasterAtEveryOpenStateAndTheMasterListsIt(OpenState state) {
        String resident = "r-" + UUID.randomUUID();
        String master = Tracks.leakBy(DevTokens.worker());
        String duplicate = requestIn(state, DevTokens.resident(resident));

        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"into\": \"" + master + "\"}").post("/api/requests/" + duplicate + "/merge")
                .then().statusCode(200).body("status", equalTo("MERGED")).body("mergedInto", equalTo(master))
                .body("deadline", nullValue())
                .body("timeline.find { it.kind == 'STATUS' && it.text.contains('MERGED') }.text",
                        containsString("merged into " + master));
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + master).then().statusCode(200)
                .body("merged.id", equalTo(List.of(duplicate)))
                .body("merged[0].description", equalTo("Leak in the kitchen"))
                .body("merged[0].mergedAt", notNullValue())
                .body("timeline.kind", hasItem("MERGED"))
                .body("timeline.find { it.kind == 'MERGED' }.text", containsString("building 7 unit 1"));
        // the resident sees their own request as merged, with the master named
        given().auth().oauth2(DevTokens.resident(resident)).get("/api/requests/" + duplicate).then().statusCode(200)
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo(master));

        ConsumerRecord<String, String> merged = event(duplicate, "gongzhi.request.status-changed.v1",
                "\"to\":\"MERGED\"");
        assertThat(merged.value()).contains("\"from\":\"" + state + "\"", "\"mergedInto\":\"" + master + "\"");
        // a late event of the tracks never takes a merged request out of MERGED
        String late = "t-" + UUID.randomUUID();
        KafkaProbe.publish(Topics.TASKS, duplicate, UUID.randomUUID().toString(), "gongzhi.task.assigned.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "police",
                 "organisationName": "社区民警", "role": "SUPPORT", "category": "water-leak", "building": "7",
                 "acknowledgeBy": "%s", "completeBy": "%s", "assignedAt": "%s"}"""
                .formatted(late, duplicate, Instant.now().plusSeconds(3600), Instant.now().plusSeconds(86400),
                        Instant.now()));
        await(() -> Fixtures.count("select count(*) from track_task where task_id = '" + late + "'") == 1);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + duplicate).then()
                .body("status", equalTo("MERGED"));
        // merged requests leave the open lists and Open311 calls them closed, naming the master
        given().get("/open311/v2/requests/" + duplicate + ".json").then().statusCode(200)
                .body("[0].status", equalTo("closed")).body("[0].gongzhi_status", equalTo("MERGED"))
                .body("[0].status_notes", containsString(master));
    }

    @Test
    void anUnmergeTheSameDayReturnsTheDuplicateToItsStatusAndAnEarlierDaysMergeStays() {
        String master = Tracks.leakBy(DevTokens.worker());
        String duplicate = requestIn(OpenState.ASSIGNED, DevTokens.worker());
        merge(duplicate, master).then().statusCode(200);

        given().auth().oauth2(DevTokens.worker()).post("/api/requests/" + duplicate + "/unmerge")
                .then().statusCode(200).body("status", equalTo("ASSIGNED")).body("mergedInto", nullValue());
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + master).then()
                .body("merged", equalTo(List.of())).body("timeline.kind", hasItems("MERGED", "UNMERGED"));
        event(duplicate, "gongzhi.request.status-changed.v1", "\"from\":\"MERGED\",\"to\":\"ASSIGNED\"");
        given().auth().oauth2(DevTokens.worker()).post("/api/requests/" + duplicate + "/unmerge")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("the request is ASSIGNED, not merged"));

        merge(duplicate, master).then().statusCode(200);
        TestClock.advance(Duration.ofDays(1));
        given().auth().oauth2(DevTokens.worker()).post("/api/requests/" + duplicate + "/unmerge")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("a merge can be undone only on the day it was made"));
        given().auth().oauth2(DevTokens.resident("r-" + UUID.randomUUID())).post("/api/requests/" + duplicate
                + "/unmerge").then().statusCode(403);
    }

    @Test
    void aMergeNamesWhatIsWrongWithIt() {
        String master = Tracks.leakBy(DevTokens.worker());
        merge(master, master).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("into"));
        merge(master, UUID.randomUUID().toString()).then().statusCode(400).body("errors.field", hasItem("into"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("{}")
                .post("/api/requests/" + master + "/merge").then().statusCode(400)
                .body("errors.field", hasItem("into"));
        String closedMaster = Tracks.leakBy(DevTokens.worker());
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("{\"text\": \"dup\"}")
                .post("/api/requests/" + closedMaster + "/withdraw").then().statusCode(200);
        String duplicate = Tracks.leakBy(DevTokens.worker());
        merge(duplicate, closedMaster).then().statusCode(409).body("detail", containsString("WITHDRAWN"));
        merge(closedMaster, master).then().statusCode(409)
                .body("detail", equalTo("a request that is WITHDRAWN cannot become MERGED"));
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + duplicate).then()
                .body("status", equalTo("SUBMITTED"));
    }

    @ParameterizedTest
    @EnumSource(value = OpenState.class, names = {"SUBMITTED", "ASSIGNED", "IN_PROGRESS", "REOPENED"})
    void reCategorisingAtEveryOpenStatePublishesOneEventOfItsOwnAndNeverASecondSubmission(OpenState state) {
        String id = requestIn(state, DevTokens.worker());
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"old-wiring\", \"urgency\": \"URGENT\", \"addTracks\": [\"VOLUNTEERS\"]}")
                .post("/api/requests/" + id + "/triage")
                .then().statusCode(200).body("status", equalTo(state.name())).body("category", equalTo("old-wiring"))
                .body("urgency", equalTo("URGENT")).body("tracks", equalTo(List.of("ALLIANCE", "VOLUNTEERS")))
                .body("timeline.find { it.kind == 'TRIAGE' }.text", containsString("tracks added [VOLUNTEERS]"));

        ConsumerRecord<String, String> recategorised = event(id, "gongzhi.request.recategorised.v1", "old-wiring");
        assertThat(recategorised.value()).contains("\"previousCategory\":\"water-leak\"", "\"urgency\":\"URGENT\"",
                "\"tracks\":[\"ALLIANCE\",\"VOLUNTEERS\"]", "\"addedTracks\":[\"VOLUNTEERS\"]",
                "\"removedTracks\":[]", "\"status\":\"" + state + "\"",
                "\"timeLimits\":{\"respondWithin\":\"PT30M\",\"resolveWithin\":\"PT2H\"}");
        var all = KafkaProbe.records(Topics.REQUESTS, id, found -> found.stream().anyMatch(r ->
                "gongzhi.request.recategorised.v1".equals(KafkaProbe.header(r, "ce_type"))));
        assertThat(all).filteredOn(r -> "gongzhi.request.submitted.v1".equals(KafkaProbe.header(r, "ce_type")))
                .hasSize(1);
        assertThat(all).filteredOn(r -> "gongzhi.request.recategorised.v1".equals(KafkaProbe.header(r, "ce_type")))
                .hasSize(1);

        // the volunteers leave again; the urgent deadlines stay
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"removeTracks\": [\"VOLUNTEERS\"]}").post("/api/requests/" + id + "/triage")
                .then().statusCode(200).body("tracks", equalTo(List.of("ALLIANCE")));
        event(id, "gongzhi.request.recategorised.v1", "\"removedTracks\":[\"VOLUNTEERS\"]");
    }

    @Test
    void aHotlineTicketsOfficialDeadlineSurvivesEveryReTriage() {
        Instant official = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
        String id = Tracks.submit(DevTokens.worker(), """
                {"category": "noise", "description": "Drilling at night", "building": "7", "channel": "hotline-12345",
                 "hotlineTicket": "12345-2026-0001", "hotlineDeadline": "%s"}""".formatted(official));
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("resolveBy", equalTo(official.toString()));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("{\"urgency\": \"LOW\"}")
                .post("/api/requests/" + id + "/triage").then().statusCode(200)
                .body("resolveBy", equalTo(official.toString()));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"water-leak\", \"urgency\": \"NORMAL\"}")
                .post("/api/requests/" + id + "/triage").then().statusCode(200)
                .body("resolveBy", equalTo(official.toString()));
        event(id, "gongzhi.request.recategorised.v1", "\"resolveBy\":\"" + official + "\"");
        // an urgent matter is due sooner than the ticket: the community's own promise is then the earlier one
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("{\"urgency\": \"URGENT\"}")
                .post("/api/requests/" + id + "/triage").then().statusCode(200)
                .body("resolveBy", not(equalTo(official.toString())));
    }

    @Test
    void aTriageNamesWhatIsWrongWithIt() {
        String id = Tracks.leakBy(DevTokens.worker());
        triage(id, "{\"category\": \"no-such-thing\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("category"));
        triage(id, "{}").then().statusCode(400).body("errors.field", hasItem("category"));
        triage(id, "{\"removeTracks\": [\"ALLIANCE\"]}").then().statusCode(400)
                .body("errors.field", hasItem("removeTracks"));
        triage(id, "{\"addTracks\": [\"VOLUNTEERS\"], \"removeTracks\": [\"VOLUNTEERS\"]}").then().statusCode(400)
                .body("errors.field", hasItem("removeTracks"));
        triage(id, "{\"addTracks\": [\"PIGEONS\"]}").then().statusCode(400);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("category", equalTo("water-leak")).body("timeline.kind", not(hasItem("TRIAGE")));
    }

    @ParameterizedTest
    @EnumSource(value = OpenState.class, names = {"SUBMITTED", "ACKNOWLEDGED", "ASSIGNED"})
    void aRequestIsRejectedWithAReasonBeforeWorkHasStarted(OpenState state) {
        String id = requestIn(state, DevTokens.resident("r-" + UUID.randomUUID()));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"text\": \"a private matter between neighbours\"}").post("/api/requests/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        event(id, "gongzhi.request.status-changed.v1", "\"reason\":\"a private matter between neighbours\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACKNOWLEDGED", "IN_PROGRESS"})
    void aRequestSomeoneIsWorkingOnCannotBeRejected(String taskStatus) {
        String id = Tracks.leakBy(DevTokens.worker());
        String task = "t-" + UUID.randomUUID();
        Tracks.assign(id, task, "property");
        taskChanged(id, task, taskStatus);
        await(() -> Fixtures.count("select count(*) from track_task where request_id = '" + id + "' and status = '"
                + taskStatus + "'") == 1);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("{\"text\": \"not ours\"}")
                .post("/api/requests/" + id + "/reject")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("work on the request has started"));
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("status", not(equalTo("REJECTED")));
    }

    @Test
    void aRoutedRequestIsAcknowledgedOnceWithoutMovingBack() {
        String id = requestIn(OpenState.ASSIGNED, DevTokens.worker());
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("{\"text\": \"we called back\"}")
                .post("/api/requests/" + id + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ASSIGNED")).body("respondedAt", notNullValue())
                .body("timeline.find { it.kind == 'ACKNOWLEDGED' }.text", containsString("we called back"));
        event(id, "gongzhi.request.acknowledged.v1", "\"status\":\"ASSIGNED\"");
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("{\"text\": \"again\"}")
                .post("/api/requests/" + id + "/acknowledge")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already responded to"));
    }

    /** A request (filed by {@code token}) brought to the state as its tracks and a worker would bring it. */
    private static String requestIn(OpenState state, String token) {
        String id = Tracks.leakBy(token);
        switch (state) {
            case SUBMITTED -> { }
            case ACKNOWLEDGED -> given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                    .body("{\"text\": \"on it\"}").post("/api/requests/" + id + "/acknowledge")
                    .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
            case ASSIGNED -> Tracks.assign(id, "t-" + UUID.randomUUID(), "property");
            case IN_PROGRESS -> {
                String task = "t-" + UUID.randomUUID();
                Tracks.assign(id, task, "property");
                taskChanged(id, task, "IN_PROGRESS");
                Tracks.awaitStatus(id, "IN_PROGRESS");
            }
            case REOPENED -> {
                Tracks.assign(id, "t-" + UUID.randomUUID(), "property");
                Tracks.resolve(id);
                given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                        .body("{\"method\": \"phone\", \"solved\": false, \"satisfied\": false}")
                        .post("/api/requests/" + id + "/follow-ups").then().statusCode(201)
                        .body("status", equalTo("REOPENED"));
            }
        }
        return id;
    }

    private static void taskChanged(String requestId, String taskId, String status) {
        KafkaProbe.publish(Topics.TASKS, requestId, UUID.randomUUID().toString(), "gongzhi.task.status-changed.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "role": "LEAD", "status": "%s", "note": null, "changedAt": "%s"}"""
                .formatted(taskId, requestId, status, Instant.now()));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(condition);
    }

    private static io.restassured.response.Response merge(String duplicate, String master) {
        return given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"into\": \"" + master + "\"}").post("/api/requests/" + duplicate + "/merge");
    }

    private static io.restassured.response.Response triage(String id, String body) {
        return given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(body)
                .post("/api/requests/" + id + "/triage");
    }

    /** The request's event of that type whose JSON contains {@code text}. */
    private static ConsumerRecord<String, String> event(String requestId, String type, String text) {
        var found = KafkaProbe.records(Topics.REQUESTS, requestId, records -> records.stream()
                .anyMatch(r -> type.equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(text)));
        return found.stream().filter(r -> type.equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " with " + text + " for "
                        + requestId + ": " + found.stream().map(ConsumerRecord::value).toList()));
    }
}
