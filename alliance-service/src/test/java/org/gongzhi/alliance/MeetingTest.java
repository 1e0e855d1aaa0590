package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.gongzhi.alliance.escalation.Escalation;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 吹哨报到: when a task nobody acknowledged reaches the whistle, the alliance convenes one joint meeting of the
 * request's parties — a record, an event on gongzhi.tasks and an entry in each party's feed — that only those with a
 * part in it can read.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class MeetingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONVENED = "gongzhi.meeting.convened.v1";

    @Inject
    TestClock clock;

    @Inject
    Escalation escalation;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void check() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> escalation.check());
    }

    @Test
    void theWhistleConvenesOneMeetingOfEveryPartyThatOnlyTheyCanRead() throws Throwable {
        Fixtures.leakAlliance();
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Fixtures.submit(requestId, "water-leak", "7", now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofDays(1)));
        Fixtures.awaitCase(requestId, 2);

        // neither party acknowledges: both climb the ladder to the whistle in the same check, then again later
        clock.advance(Duration.ofHours(5));
        Instant whistled = clock.instant();
        check();
        check();
        clock.advance(Duration.ofHours(1));
        check();

        var records = KafkaProbe.records(Topics.TASKS, requestId, found -> found.stream()
                .filter(r -> r.value().contains("\"level\":3")).count() >= 2
                && found.stream().anyMatch(r -> CONVENED.equals(KafkaProbe.header(r, "ce_type"))));
        var meetings = records.stream().filter(r -> CONVENED.equals(KafkaProbe.header(r, "ce_type"))).toList();
        assertThat(meetings).as("one meeting however many parties reach the whistle").hasSize(1);
        assertThat(meetings.get(0).key()).isEqualTo(requestId);
        JsonNode event = JSON.readTree(meetings.get(0).value());
        assertThat(event.get("parties").toString()).isEqualTo("[\"property\",\"water\"]");
        assertThat(event.get("leadOrganisationId").asText()).isEqualTo("property");
        assertThat(event.get("partyNames").get("property").asText()).as("the parties by name too").isEqualTo("和平物业");
        assertThat(event.get("place").asText()).isEqualTo("和平里社区居委会 test room");
        assertThat(event.get("missed").asText()).isEqualTo("acknowledge");
        assertThat(event.get("category").asText()).isEqualTo("water-leak");
        assertThat(event.get("building").asText()).isEqualTo("7");
        assertThat(event.toString()).doesNotContain("010-");
        // the next working slot: at least the lead time ahead, on the half hour, in the office's hours on a weekday
        Instant startsAt = Instant.parse(event.get("startsAt").asText());
        assertThat(startsAt).isAfterOrEqualTo(whistled.plus(Duration.ofHours(2)));
        ZonedDateTime local = startsAt.atZone(ZoneId.of("Asia/Shanghai"));
        assertThat(local.getMinute() % 30).isZero();
        assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        String meetingId = event.get("meetingId").asText();

        assertThat(Fixtures.count("select count(*) from meeting where request_id = '" + requestId + "'")).isOne();
        assertThat(Fixtures.texts("select organisation_id from feed_entry where event_type = '" + CONVENED
                + "' and payload like '%" + meetingId + "%' order by organisation_id"))
                .containsExactly("property", "water");

        // the community's workers and the parties read it; a partner not called to it, or another community, cannot
        given().auth().oauth2(DevTokens.worker()).queryParam("requestId", requestId).get("/api/meetings")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(meetingId))
                .body("items[0].parties", contains("property", "water"))
                .body("items[0].startsAt", equalTo(event.get("startsAt").asText()));
        given().auth().oauth2(DevTokens.partner("water")).get("/api/meetings/" + meetingId)
                .then().statusCode(200).body("requestId", equalTo(requestId))
                .body("place", equalTo("和平里社区居委会 test room"));
        given().auth().oauth2(DevTokens.partner("water")).queryParam("requestId", requestId).get("/api/meetings")
                .then().statusCode(200).body("total", equalTo(1));
        // the water utility's token of another community that also carries this one reads it, named by community;
        // one of the other community alone does not
        String fromElsewhere = DevTokens.partner(DevTokens.SECOND_COMMUNITY, "water",
                java.util.List.of(DevTokens.COMMUNITY));
        given().auth().oauth2(fromElsewhere).get("/api/meetings/" + meetingId)
                .then().statusCode(200).body("communityId", equalTo(DevTokens.COMMUNITY));
        given().auth().oauth2(fromElsewhere).queryParam("requestId", requestId).get("/api/meetings")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(meetingId));
        given().auth().oauth2(DevTokens.partner(DevTokens.SECOND_COMMUNITY, "water")).get("/api/meetings/" + meetingId)
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.partner("police")).get("/api/meetings/" + meetingId)
                .then().statusCode(404).body("status", equalTo(404));
        given().auth().oauth2(DevTokens.partner("police")).queryParam("requestId", requestId).get("/api/meetings")
                .then().statusCode(200).body("total", equalTo(0)).body("items.size()", equalTo(0));
        given().auth().oauth2(Fixtures.workerOf("elsewhere")).get("/api/meetings/" + meetingId)
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.resident("someone")).get("/api/meetings/" + meetingId)
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.worker()).queryParam("size", 0).get("/api/meetings")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.containsString("size"));
    }
}
