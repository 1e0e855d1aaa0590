package org.gongzhi.request;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alliance's task events move a request along, once each, never backwards. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class TaskProgressTest {

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    private String submitLeak() {
        return given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"water-leak\", \"description\": \"Leak above the stairs\", \"building\": \"7\"}")
                .post("/api/requests").then().statusCode(201).extract().path("id");
    }

    private static String taskAssigned(String requestId, String taskId) {
        Instant now = Instant.now();
        return """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "organisationName": "和平物业", "role": "LEAD", "category": "water-leak", "building": "7",
                 "acknowledgeBy": "%s", "completeBy": "%s", "assignedAt": "%s"}"""
                .formatted(taskId, requestId, now.plusSeconds(3600), now.plusSeconds(86400), now);
    }

    private static String taskChanged(String requestId, String taskId, String status, Instant at) {
        return """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "role": "LEAD", "status": "%s", "note": "plumber sent", "changedAt": "%s"}"""
                .formatted(taskId, requestId, status, at);
    }

    @Test
    void assignedTaskMakesTheRequestAssignedOnceEvenWhenTheEventArrivesTwice() {
        String id = submitLeak();
        String taskId = "task-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.TASKS, id, eventId, "gongzhi.task.assigned.v1", taskAssigned(id, taskId));
        KafkaProbe.publish(Topics.TASKS, id, eventId, "gongzhi.task.assigned.v1", taskAssigned(id, taskId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                        .then().statusCode(200)
                        .body("status", equalTo("ASSIGNED"))
                        .body("tasks[0].organisationId", equalTo("property"))
                        .body("tasks[0].role", equalTo("LEAD")));
        // the second copy has been consumed once a later event on the same partition is visible
        String marker = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.TASKS, id, marker, "gongzhi.task.status-changed.v1",
                taskChanged(id, taskId, "ACKNOWLEDGED", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + marker + "'") == 1);

        assertThat(Fixtures.count("select count(*) from timeline_entry where kind = 'TASK_ASSIGNED' and request_id = '"
                + id + "'")).isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from track_task where request_id = '" + id + "'")).isEqualTo(1);

        var statusEvents = KafkaProbe.records(Topics.REQUESTS, id,
                found -> found.stream().anyMatch(r -> r.value().contains("\"to\":\"ASSIGNED\"")));
        assertThat(statusEvents.stream().filter(r -> r.value().contains("\"to\":\"ASSIGNED\""))).hasSize(1);

        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().body("respondedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aTaskAssignedAgainKeepsItsStatusAndItsMovedDeadlinesButTakesTheNewHolder() {
        String id = submitLeak();
        String taskId = "task-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.assigned.v1",
                taskAssigned(id, taskId));
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.status-changed.v1",
                taskChanged(id, taskId, "ACKNOWLEDGED", now.plusSeconds(60)));
        Instant movedTo = now.plus(Duration.ofHours(72));
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.deadline-changed.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "acknowledgeBy": null, "completeBy": "%s", "reason": "waiting for a spare valve",
                 "changedAt": "%s"}""".formatted(taskId, id, movedTo, now.plusSeconds(120)));
        String again = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.TASKS, id, again, "gongzhi.task.assigned.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property-2",
                 "organisationName": "安居物业", "role": "LEAD", "category": "water-leak", "building": "7",
                 "acknowledgeBy": "%s", "completeBy": "%s", "assignedAt": "%s"}"""
                .formatted(taskId, id, now.plusSeconds(7200), now.plusSeconds(36000), now.plusSeconds(180)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + again + "'") == 1);

        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("tasks.size()", equalTo(1))
                .body("tasks[0].organisationId", equalTo("property-2"))
                .body("tasks[0].organisationName", equalTo("安居物业"))
                .body("tasks[0].status", equalTo("ACKNOWLEDGED"))
                .body("tasks[0].completeBy", equalTo(movedTo.toString()))
                // each entry in parts beside its English text, for pages in the reader's language
                .body("timeline.find { it.kind == 'SUBMITTED' }.params.category", equalTo("water-leak"))
                .body("timeline.find { it.kind == 'TASK_ASSIGNED' && it.actor == 'property-2' }.params",
                        equalTo(Map.of("party", "安居物业", "role", "LEAD",
                                "acknowledgeBy", now.plusSeconds(7200).toString(),
                                "completeBy", now.plusSeconds(36000).toString())))
                .body("timeline.find { it.kind == 'TASK_ACKNOWLEDGED' }.params.status", equalTo("ACKNOWLEDGED"))
                .body("timeline.find { it.kind == 'DEADLINE_CHANGED' }.params.reason",
                        equalTo("waiting for a spare valve"))
                // the service's own reason for a status is said by the status; no typed reason goes with it
                .body("timeline.find { it.kind == 'STATUS' && it.params.status == 'ASSIGNED' }.params",
                        equalTo(Map.of("status", "ASSIGNED")))
                .body("deadline.nextDue.step", equalTo("FINISH"))
                .body("deadline.leadKind", equalTo("PARTY"));
        assertThat(Fixtures.count("select count(*) from timeline_entry where kind = 'TASK_ASSIGNED' and request_id = '"
                + id + "'")).isEqualTo(2);
    }

    @Test
    void anEventTwiceInOneBatchLeavesOneEntryAndItsNeighboursStillFlow() {
        String id = submitLeak();
        String taskId = "task-" + UUID.randomUUID();
        String assigned = UUID.randomUUID().toString();
        String started = UUID.randomUUID().toString();
        // one record batch, so one poll: the batch's processed-event insert finds the copy, and the events are
        // applied one by one instead (the effects are idempotent themselves, so what this shows is that the batch
        // is not lost or dead-lettered, and nothing is doubled)
        KafkaProbe.publishTogether(Topics.TASKS, id, List.of(
                new KafkaProbe.Outgoing(assigned, "gongzhi.task.assigned.v1", taskAssigned(id, taskId)),
                new KafkaProbe.Outgoing(assigned, "gongzhi.task.assigned.v1", taskAssigned(id, taskId)),
                new KafkaProbe.Outgoing(started, "gongzhi.task.status-changed.v1",
                        taskChanged(id, taskId, "IN_PROGRESS", Instant.now()))));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + started + "'") == 1);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("tasks.size()", equalTo(1));
        assertThat(Fixtures.count("select count(*) from timeline_entry where kind = 'TASK_ASSIGNED' and request_id = '"
                + id + "'")).isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from processed_event where event_id = '" + assigned + "'"))
                .isEqualTo(1);
    }

    @Test
    void aFullPollOfFiveHundredEventsIsAppliedInOneGo() {
        // a backlog, as after a restart: one poll brings max.poll.records (500) events, applied one after the other
        // in one transaction; the services' 512 KiB thread stacks once overflowed on such a batch and hung it
        String id = submitLeak();
        List<KafkaProbe.Outgoing> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(new KafkaProbe.Outgoing(UUID.randomUUID().toString(), "gongzhi.task.assigned.v1",
                    taskAssigned(id, "task-" + UUID.randomUUID())));
        }
        KafkaProbe.publishTogether(Topics.TASKS, id, events);

        String ids = events.stream().map(e -> "'" + e.ceId() + "'").collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id in (" + ids + ")") == 500);
        assertThat(Fixtures.count("select count(*) from track_task where request_id = '" + id + "'")).isEqualTo(500);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().statusCode(200).body("status", equalTo("ASSIGNED"));
    }

    @Test
    void aLateEventNeverMovesARequestBackwards() {
        String id = submitLeak();
        String taskId = "task-" + UUID.randomUUID();
        Instant now = Instant.now();
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.assigned.v1",
                taskAssigned(id, taskId));
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.status-changed.v1",
                taskChanged(id, taskId, "IN_PROGRESS", now.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                        .then().body("status", equalTo("IN_PROGRESS")));

        String late = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.TASKS, id, late, "gongzhi.task.status-changed.v1",
                taskChanged(id, taskId, "ACKNOWLEDGED", now.plusSeconds(30)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + late + "'") == 1);

        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().body("status", equalTo("IN_PROGRESS")).body("tasks[0].status", equalTo("IN_PROGRESS"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordStillFlows() {
        String id = submitLeak();
        // same key, so the same partition: the poison record sits right before the good one
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.assigned.v1",
                "{not json");
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.assigned.v1",
                taskAssigned(id, "task-" + UUID.randomUUID()));

        var dead = KafkaProbe.records(Topics.deadLetter(Topics.TASKS), id, found -> !found.isEmpty());
        assertThat(dead).hasSize(1);
        assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).contains("unreadable");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                        .then().body("status", equalTo("ASSIGNED")));
    }

    @Test
    void anEventWhoseEffectFailsCostsOnlyItselfTheRestOfItsBatchIsApplied() {
        String id = submitLeak();
        String lead = "task-" + UUID.randomUUID();
        String broken = "task-" + UUID.randomUUID();
        String brokenEvent = UUID.randomUUID().toString();
        // readable JSON, but without the organisation the projection's row needs: the database refuses it, which
        // aborts the batch's transaction
        String withoutOrganisation = taskAssigned(id, broken).replace("\"organisationId\": \"property\"",
                "\"organisationId\": null");
        KafkaProbe.publishTogether(Topics.TASKS, id, List.of(
                new KafkaProbe.Outgoing(UUID.randomUUID().toString(), "gongzhi.task.assigned.v1",
                        taskAssigned(id, lead)),
                new KafkaProbe.Outgoing(brokenEvent, "gongzhi.task.assigned.v1", withoutOrganisation),
                new KafkaProbe.Outgoing(UUID.randomUUID().toString(), "gongzhi.task.status-changed.v1",
                        taskChanged(id, lead, "IN_PROGRESS", Instant.now()))));

        var dead = KafkaProbe.records(Topics.deadLetter(Topics.TASKS), id, found -> !found.isEmpty());
        assertThat(dead).hasSize(1);
        assertThat(KafkaProbe.header(dead.get(0), "ce_id")).isEqualTo(brokenEvent);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                        .then().body("status", equalTo("IN_PROGRESS"))
                        .body("tasks.size()", equalTo(1))
                        .body("tasks[0].taskId", equalTo(lead)));
    }
    /**
     * A status a newer alliance publishes (not in this version's vocabulary): the event is applied, not dead-lettered;
     * the resident sees what the party reported, and the task and the request stay where they stood.
     */
    @Test
    void aTaskStatusFromANewerAllianceGoesOnTheTimelineAndMovesNothing() {
        String id = submitLeak();
        String taskId = "task-" + UUID.randomUUID();
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.assigned.v1",
                taskAssigned(id, taskId));
        Tracks.awaitStatus(id, "ASSIGNED");
        String newer = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.TASKS, id, newer, "gongzhi.task.status-changed.v1",
                taskChanged(id, taskId, "ON_HOLD", Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count(
                "select count(*) from processed_event where consumer = 'request-service.tasks' and event_id = '"
                        + newer + "'") == 1);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("status", equalTo("ASSIGNED"))
                .body("tasks[0].status", equalTo("ASSIGNED"))
                .body("timeline.find { it.kind == 'TASK_ON_HOLD' }.text", equalTo("property: on hold — plumber sent"));
        // and the vocabulary it knows still moves it
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.status-changed.v1",
                taskChanged(id, taskId, "IN_PROGRESS", Instant.now()));
        Tracks.awaitStatus(id, "IN_PROGRESS");
    }
}
