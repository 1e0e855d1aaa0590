package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.devstack.TestClock;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timeline tells the resident the next deadline, and when the request is late, why, who is on it and since when. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class LateExplanationTest {

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static JsonPath request(String token, String id) {
        return given().auth().oauth2(token).get("/api/requests/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath timeline(String token, String id) {
        return given().auth().oauth2(token).get("/api/requests/" + id + "/timeline").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + eventId + "'") == 1);
    }

    @Test
    void aMovedDeadlineIsTheNextDeadlineAndALateRequestSaysWhyWhoAndSinceWhen() {
        String resident = DevTokens.resident("r-" + UUID.randomUUID());
        String id = Tracks.leakBy(resident);
        JsonPath fresh = request(resident, id);
        // nobody is on it yet: the next deadline is the first response
        assertThat(fresh.getBoolean("deadline.late")).isFalse();
        assertThat(fresh.getString("deadline.next")).isEqualTo(fresh.getString("respondBy"));
        assertThat(fresh.getString("timeline[-1].kind")).isEqualTo("NEXT_DEADLINE");
        assertThat(fresh.getString("timeline[-1].text")).contains("On time").contains("a first response");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String taskId = "task-" + UUID.randomUUID();
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.assigned.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "organisationName": "和平物业", "role": "LEAD", "category": "water-leak", "building": "7",
                 "acknowledgeBy": "%s", "completeBy": "%s", "assignedAt": "%s"}"""
                .formatted(taskId, id, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(20)), now));
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.status-changed.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "role": "LEAD", "status": "ACKNOWLEDGED", "note": "on our way", "changedAt": "%s"}"""
                .formatted(taskId, id, now.plusSeconds(60)));
        Tracks.awaitStatus(id, "ASSIGNED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(request(resident, id)
                .getString("deadline.next")).isEqualTo(now.plus(Duration.ofHours(20)).toString()));

        // the worker moves the deadline; the event arrives twice
        Instant movedTo = now.plus(Duration.ofHours(72));
        String moveId = UUID.randomUUID().toString();
        String move = """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "acknowledgeBy": null, "completeBy": "%s", "reason": "waiting for a spare valve",
                 "changedAt": "%s"}""".formatted(taskId, id, movedTo, now.plusSeconds(120));
        KafkaProbe.publish(Topics.TASKS, id, moveId, "gongzhi.task.deadline-changed.v1", move);
        KafkaProbe.publish(Topics.TASKS, id, moveId, "gongzhi.task.deadline-changed.v1", move);
        String marker = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.TASKS, id, marker, "gongzhi.task.status-changed.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "role": "LEAD", "status": "IN_PROGRESS", "note": "valve ordered", "changedAt": "%s"}"""
                .formatted(taskId, id, now.plusSeconds(180)));
        awaitProcessed(marker);

        JsonPath moved = timeline(resident, id);
        assertThat(moved.getList("findAll { it.kind == 'DEADLINE_CHANGED' }.text", String.class)).singleElement()
                .satisfies(text -> assertThat(text).contains("和平物业").contains("waiting for a spare valve"));
        assertThat(Fixtures.count("select count(*) from deadline_move where request_id = '" + id + "'")).isEqualTo(1);
        JsonPath onTime = request(resident, id);
        assertThat(onTime.getString("deadline.next")).isEqualTo(movedTo.toString());
        assertThat(onTime.getString("deadline.nextStep")).contains("和平物业").contains("finish");
        assertThat(onTime.getBoolean("deadline.late")).isFalse();
        assertThat(onTime.getString("tasks[0].completeBy")).isEqualTo(movedTo.toString());
        // an integrator's Open311 view expects it by the moved deadline too
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].expected_datetime", equalTo(movedTo.toString()))
                .body("[0].service_notice", containsString("deadline moved to " + movedTo));

        // a day later the community's promise (resolve within 24 h) is broken, although the party's new deadline holds
        TestClock.advance(Duration.ofHours(25));
        JsonPath late = request(resident, id);
        assertThat(late.getBoolean("deadline.late")).isTrue();
        assertThat(late.getString("deadline.lateSince")).isEqualTo(late.getString("resolveBy"));
        assertThat(late.getList("deadline.missed", String.class)).singleElement()
                .satisfies(m -> assertThat(m).contains("not resolved"));
        assertThat(late.getString("deadline.lead")).isEqualTo("和平物业");
        assertThat(late.getString("deadline.moves[0].reason")).isEqualTo("waiting for a spare valve");
        assertThat(late.getString("deadline.next")).isEqualTo(movedTo.toString());
        JsonPath lateTimeline = timeline(resident, id);
        assertThat(lateTimeline.getString("[-1].kind")).isEqualTo("LATE");
        assertThat(lateTimeline.getString("[-1].visibility")).isEqualTo("PUBLIC");
        assertThat(lateTimeline.getString("[-1].text")).startsWith("Late since")
                .contains("due to be resolved by").contains("和平物业 leads the work")
                .contains("waiting for a spare valve").contains("Next deadline: 和平物业 to finish the work by");

        // the alliance escalates: the latest step shows
        KafkaProbe.publish(Topics.TASKS, id, UUID.randomUUID().toString(), "gongzhi.task.escalated.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "level": 2, "reason": "overdue: not completed by %s; 社区书记 notified", "escalatedAt": "%s"}"""
                .formatted(taskId, id, movedTo, now.plus(Duration.ofHours(26))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath escalated = request(resident, id);
            assertThat(escalated.getInt("deadline.escalationLevel")).isEqualTo(2);
            assertThat(escalated.getString("deadline.escalation")).contains("community secretary");
            assertThat(escalated.getString("timeline[-1].text")).contains("Escalated").contains("community secretary");
            assertThat(escalated.getList("timeline.kind", String.class)).contains("ESCALATED");
        });
    }

    @Test
    void anUnansweredRequestIsLateForWantOfAResponseAndADoneOneCarriesNoDeadline() {
        String resident = DevTokens.resident("r-" + UUID.randomUUID());
        String id = Tracks.leakBy(resident);
        TestClock.advance(Duration.ofHours(3)); // a leak must be answered within 2 hours

        given().auth().oauth2(resident).get("/api/requests/" + id + "/timeline").then().statusCode(200)
                .body("[-1].kind", equalTo("LATE"))
                .body("[-1].text", containsString("no response yet"))
                .body("[-1].text", containsString("The community office is on it"));
        JsonPath late = request(resident, id);
        assertThat(late.getString("deadline.lateSince")).isEqualTo(late.getString("respondBy"));
        assertThat(late.getString("deadline.lead")).isEqualTo("the community office");

        TestClock.reset();
        Tracks.assign(id, "t-" + UUID.randomUUID(), "property");
        Tracks.resolve(id);
        given().auth().oauth2(resident).get("/api/requests/" + id).then()
                .body("deadline", nullValue())
                .body("timeline.kind", not(hasItem("NEXT_DEADLINE")))
                .body("timeline.kind", not(hasItem("LATE")))
                .body("timeline.findAll { it.kind == 'SUBMITTED' }", hasSize(1));
    }
}
