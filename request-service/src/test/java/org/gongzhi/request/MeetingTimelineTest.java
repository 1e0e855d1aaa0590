package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** The whistle's joint meeting appears once on the request's public timeline: who meets, when and where. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class MeetingTimelineTest {

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    @Test
    void aConvenedMeetingIsOnTheTimelineOnceWithThePartiesByNameTimeAndPlace() {
        String resident = DevTokens.resident("r-" + UUID.randomUUID());
        String id = Tracks.leakBy(resident);
        String taskId = UUID.randomUUID().toString();
        Tracks.assign(id, taskId, "property");
        Instant now = Instant.now();
        // 2026-12-07T06:30Z is 14:30 in Beijing
        String meeting = """
                {"communityId": "hepingli", "meetingId": "%s", "requestId": "%s", "round": 1, "taskId": "%s",
                 "category": "water-leak", "building": "7", "leadOrganisationId": "property",
                 "parties": ["property", "water"], "startsAt": "2026-12-07T06:30:00Z",
                 "place": "和平里社区居委会二楼会议室", "missed": "acknowledge", "deadline": "%s",
                 "convenedAt": "%s"}""".formatted(UUID.randomUUID(), id, taskId, now.minus(Duration.ofHours(5)),
                now);
        String eventId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.TASKS, id, eventId, "gongzhi.meeting.convened.v1", meeting);
        KafkaProbe.publish(Topics.TASKS, id, eventId, "gongzhi.meeting.convened.v1", meeting);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + eventId + "'") == 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> texts = given().auth().oauth2(resident).get("/api/requests/" + id + "/timeline").then()
                    .statusCode(200).extract().jsonPath().getList("findAll { it.kind == 'MEETING_CONVENED' }.text");
            assertThat(texts).hasSize(1);
            assertThat(texts.get(0)).contains("吹哨报到").contains("和平物业").contains("water")
                    .contains("community secretary").contains("12-07 14:30").contains("和平里社区居委会二楼会议室");
        });
        // a later event of the request (same partition) shows the redelivered copy has been read: still one entry
        String later = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.TASKS, id, later, "gongzhi.task.status-changed.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "property",
                 "role": "LEAD", "status": "ACKNOWLEDGED", "note": "on our way to the meeting", "changedAt": "%s"}"""
                .formatted(taskId, id, now.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + later + "'") == 1);
        assertThat(Fixtures.count("select count(*) from timeline_entry where request_id = '" + id
                + "' and kind = 'MEETING_CONVENED'")).isEqualTo(1);
    }
}
