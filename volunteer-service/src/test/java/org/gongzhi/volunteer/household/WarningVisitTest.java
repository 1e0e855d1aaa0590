package org.gongzhi.volunteer.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongzhi.volunteer.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.devstack.TestClock;
import org.gongzhi.events.Topics;
import org.gongzhi.volunteer.Fixtures;
import org.gongzhi.volunteer.matching.MatchingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A weather warning sends volunteers to the flagged households, and only to them; a missed visit goes back. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class WarningVisitTest {
    @Inject
    MatchingService matching;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static String flag(String building, String door, String need) {
        return as(DevTokens.worker()).body("""
                {"building": "%s", "unit": "1", "door": "%s", "need": "%s", "note": "lives alone, 84"}"""
                .formatted(building, door, need)).post("/api/households").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aWarningCreatesVisitsForFlaggedHouseholdsOnlyAndAMissedVisitIsReportedBack() throws Throwable {
        // a corner of the grid of its own
        Fixtures.building("300", 300, 300);
        Fixtures.building("301", 301, 300);
        String s = Fixtures.suffix();
        Fixtures.team("watch-" + s, null);
        String neighbour = "nb-" + s;
        Fixtures.volunteer(neighbour, "watch-" + s, "301", "watch");

        String alone = flag("300", "302", "ELDERLY_ALONE");
        String disabled = flag("301", "101", "DISABILITY");
        String moved = flag("300", "501", "ILLNESS");
        as(DevTokens.worker()).delete("/api/households/" + moved).then().statusCode(204);
        as(DevTokens.worker()).delete("/api/households/" + moved).then().statusCode(404);
        as(DevTokens.worker()).body("{\"building\": \"nowhere\", \"need\": \"ELDERLY_ALONE\"}").post("/api/households")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("building"));
        as(DevTokens.worker()).body("{\"building\": \"300\", \"need\": \"RICH\"}").post("/api/households")
                .then().statusCode(400).body("errors.field", hasItem("need"));
        as(DevTokens.volunteer(neighbour)).get("/api/households").then().statusCode(403);
        List<String> flagged = as(DevTokens.worker()).get("/api/households").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(flagged).contains(alone, disabled).doesNotContain(moved);

        String warning = "w-" + s;
        Instant now = Instant.now();
        String event = """
                {"communityId": "hepingli", "warningId": "%s", "type": "rainstorm", "level": "orange",
                 "from": "%s", "until": "%s", "issuedAt": "%s"}"""
                .formatted(warning, now, now.plus(Duration.ofHours(12)), now);
        KafkaProbe.publish(Topics.WARNINGS, warning, "ev-" + warning, "gongzhi.warning.issued.v1", event);
        KafkaProbe.publish(Topics.WARNINGS, warning, "ev-" + warning, "gongzhi.warning.issued.v1", event);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(DevTokens.worker())
                .get("/api/warnings/" + warning + "/visits").then().statusCode(200)
                .body("size()", equalTo(flagged.size())));
        List<Map<String, Object>> visits = as(DevTokens.worker()).get("/api/warnings/" + warning + "/visits")
                .then().extract().jsonPath().getList("$");
        assertThat(visits).extracting(v -> v.get("householdId")).containsExactlyInAnyOrderElementsOf(flagged)
                .doesNotContain(moved);
        assertThat(visits).allSatisfy(v -> assertThat(v.get("kind")).isEqualTo("VISIT"));

        // the neighbour next door is asked to check on both, and sees where to go and why
        List<Map<String, Object>> offers = as(DevTokens.volunteer(neighbour)).get("/api/volunteers/me/offers")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(offers).hasSize(2).allSatisfy(o -> {
            assertThat(o.get("kind")).isEqualTo("VISIT");
            assertThat((String) o.get("reason")).startsWith("check-on-neighbour visit; any volunteer; free now");
        });
        assertThat(offers).extracting(o -> o.get("place")).contains("building 300, unit 1, door 302",
                "building 301, unit 1, door 101");
        String toAlone = offers.stream().filter(o -> "300".equals(o.get("building"))).findFirst().orElseThrow()
                .get("id").toString();
        String toDisabled = offers.stream().filter(o -> "301".equals(o.get("building"))).findFirst().orElseThrow()
                .get("id").toString();
        as(DevTokens.volunteer(neighbour)).post("/api/offers/" + toAlone + "/accept").then().statusCode(200);
        as(DevTokens.volunteer(neighbour)).post("/api/offers/" + toDisabled + "/accept").then().statusCode(200);
        as(DevTokens.volunteer(neighbour)).body("{\"hours\": 0.5, \"note\": \"all well, brought water\"}")
                .post("/api/offers/" + toAlone + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
        as(DevTokens.volunteer(neighbour)).get("/api/volunteers/me/hours").then().statusCode(200)
                .body("total", equalTo(0.5f)).body("entries[0].source", equalTo("VISIT"));

        // the other visit is not done in time: it is reported back for a worker to go
        TestClock.advance(Duration.ofHours(7));
        VertxContextSupport.subscribeAndAwait(() -> matching.expireDue());
        String visitId = "visit-" + warning + "-" + disabled;
        var unmatched = Fixtures.events(visitId, "gongzhi.volunteer.unmatched.v1", 1);
        assertThat(unmatched).hasSize(1);
        assertThat(unmatched.get(0).value()).contains("\"category\":\"check-on-neighbour\"", "\"building\":\"301\"",
                "missed");
        assertThat(unmatched.get(0).value()).doesNotContain("lives alone");
        as(DevTokens.volunteer(neighbour)).get("/api/volunteers/me/tasks").then().statusCode(200)
                .body("find { it.id == '%s' }.status".formatted(toDisabled), equalTo("MISSED"));
    }
}
