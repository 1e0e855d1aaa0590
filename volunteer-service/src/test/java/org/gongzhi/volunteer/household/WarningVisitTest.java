package org.gongzhi.volunteer.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongzhi.volunteer.Fixtures.as;
import static org.gongzhi.volunteer.Fixtures.volunteerOf;
import static org.gongzhi.volunteer.Fixtures.workerOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import org.gongzhi.events.EventType;
import org.gongzhi.events.Topics;
import org.gongzhi.events.VisitId;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.events.VolunteeringEvent;
import org.gongzhi.volunteer.Fixtures;
import org.gongzhi.volunteer.matching.MatchingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A weather warning sends volunteers to the flagged households, and only to them; a missed visit goes back; a lifted
 * warning withdraws the visits not yet done.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class WarningVisitTest {
    @Inject
    MatchingService matching;
    @Inject
    ObjectMapper json;

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
            // and in parts, which the volunteer page says in the reader's language
            @SuppressWarnings("unchecked")
            Map<String, Object> why = (Map<String, Object>) o.get("why");
            assertThat(why).containsEntry("skill", null).containsEntry("freeNow", true).containsEntry("freeFrom", null)
                    .containsKey("steps").containsEntry("tasksThisWeek", 0);
        });
        assertThat(offers).extracting(o -> o.get("place")).contains("building 300, unit 1, door 302",
                "building 301, unit 1, door 101");
        assertThat(offers).extracting(o -> o.get("building") + "-" + o.get("unit") + "-" + o.get("door"))
                .contains("300-1-302", "301-1-101");
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

        // the visit's events name it and its warning in fields of their own; requestId still repeats the visit id
        // for readers of v1 that do not read them yet
        String aloneVisit = VisitId.of(warning, alone).value();
        for (String type : List.of("gongzhi.volunteer.offered.v1", "gongzhi.volunteer.accepted.v1",
                "gongzhi.volunteer.completed.v1")) {
            var published = Fixtures.events(aloneVisit, type, 1);
            assertThat(published).hasSize(1);
            VolunteeringEvent read = (VolunteeringEvent) json.readValue(published.get(0).value(),
                    EventType.ofCeType(type).orElseThrow().dataClass());
            assertThat(read.visitId()).isEqualTo(aloneVisit);
            assertThat(read.warningId()).isEqualTo(warning);
            assertThat(read.visit()).contains(new VisitId(aloneVisit));
            assertThat(read.requestId()).isEqualTo(aloneVisit);
        }

        // the other visit is not done in time: it is reported back for a worker to go
        TestClock.advance(Duration.ofHours(7));
        VertxContextSupport.subscribeAndAwait(() -> matching.expireDue());
        String visitId = VisitId.of(warning, disabled).value();
        var unmatched = Fixtures.events(visitId, "gongzhi.volunteer.unmatched.v1", 1);
        assertThat(unmatched).hasSize(1);
        VolunteerUnmatched missed = json.readValue(unmatched.get(0).value(), VolunteerUnmatched.class);
        assertThat(missed.visitId()).isEqualTo(visitId);
        assertThat(missed.warningId()).isEqualTo(warning);
        assertThat(unmatched.get(0).value()).contains("\"category\":\"check-on-neighbour\"", "\"building\":\"301\"",
                "missed");
        assertThat(unmatched.get(0).value()).doesNotContain("lives alone");
        as(DevTokens.volunteer(neighbour)).get("/api/volunteers/me/tasks").then().statusCode(200)
                .body("find { it.id == '%s' }.status".formatted(toDisabled), equalTo("MISSED"));
    }



    /**
     * Before, the visits were started by folding one {@code Uni} chain over the households: a couple of thousand of
     * them overflowed the event loop's stack, the consumer's transaction never completed and the partition stalled.
     */
    @Test
    void aWarningOverACommunityWithTwoThousandFlaggedHouseholdsStartsAVisitForEach() throws Throwable {
        String s = Fixtures.suffix();
        String community = "many-" + s;
        String worker = workerOf(community);
        Fixtures.building(community, "340", 340, 340);
        int households = 2000;
        // flagged in one statement: two thousand API calls would only slow the test
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into household (id, community_id, building, unit, door, need, flagged_at, flagged_by)
                        select gen_random_uuid(), :community, '340', (n / 100 + 1)::text, (n % 100 + 101)::text,
                               'ELDERLY_ALONE', now(), 'test'
                        from generate_series(0, :last) n""")
                        .setParameter("community", community).setParameter("last", households - 1)
                        .executeUpdate())));
        as(worker).get("/api/households").then().statusCode(200).body("size()", equalTo(households));

        String warning = "wm-" + s;
        Instant now = Instant.now();
        KafkaProbe.publish(Topics.WARNINGS, warning, "ev-" + warning, "gongzhi.warning.issued.v1", """
                {"communityId": "%s", "warningId": "%s", "type": "rainstorm", "level": "red",
                 "from": "%s", "until": "%s", "issuedAt": "%s"}"""
                .formatted(community, warning, now, now.plus(Duration.ofHours(12)), now));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as(worker)
                .get("/api/warnings/" + warning + "/visits").then().statusCode(200)
                .body("size()", equalTo(households)));
    }

    @Test
    void aLiftedWarningWithdrawsTheVisitsNotYetDoneAndNothingIsReportedMissed() throws Throwable {
        // a community of its own, so no other test's households or volunteers take part
        String s = Fixtures.suffix();
        String community = "lift-" + s;
        String worker = workerOf(community);
        Fixtures.building(community, "330", 330, 330);
        Fixtures.building(community, "331", 331, 330);
        as(worker).body("{\"id\": \"lift-%s\", \"name\": \"巡查队\"}".formatted(s)).post("/api/teams").then()
                .statusCode(201);
        String a = "la-" + s;
        String b = "lb-" + s;
        for (String[] v : new String[][] {{a, "330"}, {b, "331"}}) {
            as(worker).body("""
                    {"id": "%s", "name": "志愿者", "team": "lift-%s", "building": "%s", "skills": ["watch"],
                     "availability": %s, "maxTasksPerWeek": 5}""".formatted(v[0], s, v[1], Fixtures.ALWAYS))
                    .post("/api/volunteers").then().statusCode(201);
        }
        String done = as(worker).body("{\"building\": \"330\", \"door\": \"101\", \"need\": \"ELDERLY_ALONE\"}")
                .post("/api/households").then().statusCode(201).extract().path("id");
        String accepted = as(worker).body("{\"building\": \"331\", \"door\": \"102\", \"need\": \"DISABILITY\"}")
                .post("/api/households").then().statusCode(201).extract().path("id");
        String open = as(worker).body("{\"building\": \"330\", \"door\": \"103\", \"need\": \"ILLNESS\"}")
                .post("/api/households").then().statusCode(201).extract().path("id");

        String warning = "wl-" + s;
        Instant now = Instant.now();
        KafkaProbe.publish(Topics.WARNINGS, warning, "ev-" + warning, "gongzhi.warning.issued.v1", """
                {"communityId": "%s", "warningId": "%s", "type": "rainstorm", "level": "red",
                 "from": "%s", "until": "%s", "issuedAt": "%s"}"""
                .formatted(community, warning, now, now.plus(Duration.ofHours(12)), now));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(worker)
                .get("/api/warnings/" + warning + "/visits").then().statusCode(200).body("size()", equalTo(3)));
        String visitDone = VisitId.of(warning, done).value();
        String visitAccepted = VisitId.of(warning, accepted).value();
        String visitOpen = VisitId.of(warning, open).value();

        // the nearest neighbour is asked for each: a for 330 (twice), b for 331
        List<Map<String, Object>> offersOfA = as(volunteerOf(community, a)).get("/api/volunteers/me/offers").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(offersOfA).extracting(o -> o.get("requestId")).containsExactlyInAnyOrder(visitDone, visitOpen);
        String offerDone = offersOfA.stream().filter(o -> visitDone.equals(o.get("requestId"))).findFirst()
                .orElseThrow().get("id").toString();
        String offerOpen = offersOfA.stream().filter(o -> visitOpen.equals(o.get("requestId"))).findFirst()
                .orElseThrow().get("id").toString();
        String offerAccepted = as(volunteerOf(community, b)).get("/api/volunteers/me/offers").then().statusCode(200)
                .extract().path("find { it.requestId == '%s' }.id".formatted(visitAccepted));

        // one visit made, one accepted and under way, one still waiting for an answer
        as(volunteerOf(community, a)).post("/api/offers/" + offerDone + "/accept").then().statusCode(200);
        as(volunteerOf(community, a)).body("{\"hours\": 0.5, \"note\": \"all well\"}")
                .post("/api/offers/" + offerDone + "/complete").then().statusCode(200);
        as(volunteerOf(community, b)).post("/api/offers/" + offerAccepted + "/accept").then().statusCode(200);

        // the warning is lifted, and the event is delivered twice
        String lifted = """
                {"communityId": "%s", "warningId": "%s", "reason": "the rainstorm has passed", "liftedAt": "%s"}"""
                .formatted(community, warning, Instant.now());
        KafkaProbe.publish(Topics.WARNINGS, warning, "ev-lift-" + warning, "gongzhi.warning.lifted.v1", lifted);
        KafkaProbe.publish(Topics.WARNINGS, warning, "ev-lift-" + warning, "gongzhi.warning.lifted.v1", lifted);

        String visit = "find { it.requestId == '%s' }";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(worker)
                .get("/api/warnings/" + warning + "/visits").then().statusCode(200)
                .body(visit.formatted(visitAccepted) + ".status", equalTo("WITHDRAWN"))
                .body(visit.formatted(visitOpen) + ".status", equalTo("WITHDRAWN")));
        as(worker).get("/api/warnings/" + warning + "/visits").then().statusCode(200)
                .body(visit.formatted(visitDone) + ".status", equalTo("DONE"))
                .body(visit.formatted(visitDone) + ".offers[0].status", equalTo("COMPLETED"))
                .body(visit.formatted(visitAccepted) + ".offers[0].status", equalTo("CANCELLED"))
                .body(visit.formatted(visitOpen) + ".offers.status", equalTo(List.of("CANCELLED")));

        // the open offer is gone and cannot be accepted; the accepted one shows as cancelled and cannot be completed
        as(volunteerOf(community, a)).get("/api/volunteers/me/offers").then().statusCode(200)
                .body("size()", equalTo(0));
        as(volunteerOf(community, a)).post("/api/offers/" + offerOpen + "/accept").then().statusCode(409);
        as(volunteerOf(community, a)).get("/api/volunteers/me/tasks").then().statusCode(200)
                .body("id", equalTo(List.of(offerDone)));
        as(volunteerOf(community, a)).get("/api/volunteers/me/hours").then().statusCode(200)
                .body("total", equalTo(0.5f));
        String task = "find { it.id == '%s' }".formatted(offerAccepted);
        as(volunteerOf(community, b)).get("/api/volunteers/me/tasks").then().statusCode(200)
                .body(task + ".status", equalTo("CANCELLED")).body(task + ".cancelledAt", org.hamcrest.Matchers.notNullValue());
        as(volunteerOf(community, b)).body("{\"hours\": 1}").post("/api/offers/" + offerAccepted + "/complete")
                .then().statusCode(409);

        // lifted again (another event for the same warning): nothing left to withdraw, nothing changes
        KafkaProbe.publish(Topics.WARNINGS, warning, "ev-lift-again-" + warning, "gongzhi.warning.lifted.v1", lifted);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed("ev-lift-again-" + warning));

        // after the visits' deadline nothing is reported as missed
        TestClock.advance(Duration.ofHours(7));
        VertxContextSupport.subscribeAndAwait(() -> matching.expireDue());
        as(worker).get("/api/warnings/" + warning + "/visits").then().statusCode(200)
                .body(visit.formatted(visitDone) + ".status", equalTo("DONE"))
                .body(visit.formatted(visitAccepted) + ".status", equalTo("WITHDRAWN"))
                .body(visit.formatted(visitAccepted) + ".offers.status", equalTo(List.of("CANCELLED")))
                .body(visit.formatted(visitOpen) + ".status", equalTo("WITHDRAWN"));
        for (String id : List.of(visitAccepted, visitOpen)) {
            assertThat(KafkaProbe.records(Topics.VOLUNTEERING, id, found -> !found.isEmpty()))
                    .noneMatch(r -> "gongzhi.volunteer.unmatched.v1".equals(KafkaProbe.header(r, "ce_type")));
        }
    }

    /** Whether the service's inbox has recorded the event (its effect committed with it). */
    private static boolean processed(String eventId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(
                                    "select count(*) from processed_event where event_id = :id", Long.class)
                            .setParameter("id", eventId).getSingleResult()))) == 1L;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
