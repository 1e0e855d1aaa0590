package org.gongzhi.volunteer.matching;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongzhi.volunteer.Fixtures;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.devstack.TestClock;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request for volunteers over real Kafka and PostgreSQL: offers, declines, expiry, hand-back, hours. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class MatchingTest {
    @Inject
    MatchingService matching;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static void post(String path, String json) {
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(json).post(path)
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409)));
    }

    private static void volunteer(String id, String building) {
        post("/api/volunteers", """
                {"id": "%s", "name": "志愿者", "team": "6070", "building": "%s", "skills": ["appliance-repair"],
                 "availability": [{"day": "MON", "from": "00:00", "to": "24:00"}, {"day": "TUE", "from": "00:00", "to": "24:00"},
                  {"day": "WED", "from": "00:00", "to": "24:00"}, {"day": "THU", "from": "00:00", "to": "24:00"},
                  {"day": "FRI", "from": "00:00", "to": "24:00"}, {"day": "SAT", "from": "00:00", "to": "24:00"},
                  {"day": "SUN", "from": "00:00", "to": "24:00"}],
                 "maxTasksPerWeek": 5}""".formatted(id, building));
    }

    private static void submit(String requestId, String building) {
        Instant now = Instant.now();
        KafkaProbe.publish(Topics.REQUESTS, requestId, "ev-" + requestId, "gongzhi.request.submitted.v1", """
                {"communityId": "hepingli", "requestId": "%s", "category": "appliance-repair", "building": "%s",
                 "urgency": "LOW", "tracks": ["VOLUNTEERS"], "description": "the rice cooker is broken",
                 "channel": "app", "respondBy": "%s", "resolveBy": "%s", "submittedAt": "%s"}"""
                .formatted(requestId, building, now.plusSeconds(86400), now.plusSeconds(7 * 86400), now));
    }

    private static List<ConsumerRecord<String, String>> offered(String requestId, int count) {
        return KafkaProbe.records(Topics.VOLUNTEERING, requestId, found -> found.stream()
                .filter(r -> "gongzhi.volunteer.offered.v1".equals(KafkaProbe.header(r, "ce_type"))).count() >= count);
    }

    private static String offerOf(String volunteer) {
        return given().auth().oauth2(DevTokens.volunteer(volunteer)).get("/api/volunteers/me/offers")
                .then().statusCode(200).extract().path("[0].id");
    }

    @Test
    void theNearestIsAskedFirstThenTheNextOnADeclineOrAnExpiryThenTheAllianceGetsItBack() throws Throwable {
        // a corner of the grid of its own, out of reach of the other test's volunteers
        Fixtures.building("40", 60, 60);
        Fixtures.building("41", 61, 60);
        Fixtures.building("42", 60, 62);
        Fixtures.building("43", 64, 64);
        post("/api/teams", "{\"id\": \"6070\", \"name\": \"6070志愿服务队\"}");
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        String near = "near-" + suffix;
        String middle = "mid-" + suffix;
        String far = "far-" + suffix;
        volunteer(near, "41");
        volunteer(middle, "42");
        volunteer(far, "43");
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("""
                {"id": "x-%s", "name": "?", "team": "6070", "building": "1", "skills": ["juggling"],
                 "availability": [], "maxTasksPerWeek": 1}""".formatted(suffix)).post("/api/volunteers")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("skills[0]"));

        String request = "req-" + UUID.randomUUID();
        submit(request, "40");
        submit(request, "40"); // the same event again: still one offer
        assertThat(offered(request, 1)).hasSize(1);
        String first = offerOf(near);
        assertThat(first).isNotNull();
        given().auth().oauth2(DevTokens.volunteer(near)).get("/api/volunteers/me/offers").then()
                .body("[0].reason", org.hamcrest.Matchers.containsString("1 step from home"));

        // someone else's offer does not exist for you
        given().auth().oauth2(DevTokens.volunteer(far)).post("/api/offers/" + first + "/accept").then().statusCode(404);

        given().auth().oauth2(DevTokens.volunteer(near)).post("/api/offers/" + first + "/decline").then()
                .statusCode(200).body("status", equalTo("DECLINED"));
        assertThat(offered(request, 2)).hasSize(2);
        String second = offerOf(middle);

        TestClock.advance(Duration.ofMinutes(16));
        VertxContextSupport.subscribeAndAwait(() -> matching.expireDue());
        given().auth().oauth2(DevTokens.volunteer(middle)).post("/api/offers/" + second + "/accept").then()
                .statusCode(409);
        assertThat(offered(request, 3)).hasSize(3);
        String third = offerOf(far);

        TestClock.advance(Duration.ofMinutes(16));
        VertxContextSupport.subscribeAndAwait(() -> matching.expireDue());
        var unmatched = KafkaProbe.records(Topics.VOLUNTEERING, request, found -> found.stream()
                .anyMatch(r -> "gongzhi.volunteer.unmatched.v1".equals(KafkaProbe.header(r, "ce_type"))));
        assertThat(unmatched).anyMatch(r -> "gongzhi.volunteer.unmatched.v1".equals(KafkaProbe.header(r, "ce_type")));
        assertThat(third).isNotNull();
    }

    @Test
    void anAcceptedTaskIsCompletedWithHoursThatAddUp() {
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        Fixtures.building("1", 0, 0);
        post("/api/teams", "{\"id\": \"6070\", \"name\": \"6070志愿服务队\"}");
        String only = "solo-" + suffix;
        volunteer(only, "1");
        // others registered by earlier tests may be asked first: accept whichever offer lands with this volunteer
        String request = "req-" + UUID.randomUUID();
        submit(request, "1");
        await().atMost(Duration.ofSeconds(20)).until(() -> !offered(request, 1).isEmpty());
        String volunteer = KafkaProbe.records(Topics.VOLUNTEERING, request, f -> !f.isEmpty()).get(0).value()
                .replaceAll(".*\"volunteerId\":\"([^\"]+)\".*", "$1");
        String offer = offerOf(volunteer);
        given().auth().oauth2(DevTokens.volunteer(volunteer)).post("/api/offers/" + offer + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(DevTokens.volunteer(volunteer)).post("/api/offers/" + offer + "/accept").then()
                .statusCode(409);
        BigDecimalHours before = hours(volunteer);
        given().auth().oauth2(DevTokens.volunteer(volunteer)).contentType(ContentType.JSON)
                .body("{\"hours\": 100, \"note\": \"all week\"}").post("/api/offers/" + offer + "/complete")
                .then().statusCode(400).body("errors.field", hasItem("hours"));
        given().auth().oauth2(DevTokens.volunteer(volunteer)).contentType(ContentType.JSON)
                .body("{\"hours\": 1.5, \"note\": \"fixed the rice cooker\"}").post("/api/offers/" + offer + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        BigDecimalHours after = hours(volunteer);
        assertThat(after.total().subtract(before.total())).isEqualByComparingTo("1.5");
        assertThat(after.tasks() - before.tasks()).isEqualTo(1);
        assertThat(KafkaProbe.records(Topics.VOLUNTEERING, request, found -> found.stream()
                .anyMatch(r -> "gongzhi.volunteer.completed.v1".equals(KafkaProbe.header(r, "ce_type")))))
                .anyMatch(r -> r.value().contains("\"hours\":1.5"));
    }

    record BigDecimalHours(java.math.BigDecimal total, long tasks) {
    }

    private static BigDecimalHours hours(String volunteer) {
        var body = given().auth().oauth2(DevTokens.volunteer(volunteer)).get("/api/volunteers/me/hours")
                .then().statusCode(200).extract().jsonPath();
        return new BigDecimalHours(new java.math.BigDecimal(body.getString("total")), body.getLong("tasks"));
    }

    /** A warning's visits expire together: every expired offer moves on in one check, a chunk at a time. */
    @Test
    void moreExpiredOffersThanAChunkAllMoveOnInOneCheck() throws Throwable {
        Fixtures.building("1", 0, 0);
        post("/api/teams", "{\"id\": \"6070\", \"name\": \"6070志愿服务队\"}");
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        String volunteer = "exp-" + suffix;
        volunteer(volunteer, "1");
        String prefix = "exp-" + suffix + "-";
        int offers = 2 * MatchingService.CHUNK + 50;
        // requests of a community nobody volunteers in, each offered once to the one volunteer, long expired
        sql("""
                insert into matching (request_id, community_id, category, building, skill, status, tried, created_at)
                select :prefix || g, :prefix || 'community', 'appliance-repair', '1', 'appliance-repair', 'MATCHING',
                       :volunteer, timestamptz '2000-01-01 00:00Z'
                from generate_series(1, :offers) g""", prefix, volunteer, offers);
        sql("""
                insert into offer (id, request_id, volunteer_id, status, score, reason, offered_at, expires_at)
                select gen_random_uuid(), :prefix || g, :volunteer, 'OFFERED', 1, 'nearby',
                       timestamptz '2000-01-01 00:00Z', timestamptz '2000-01-01 00:15Z'
                from generate_series(1, :offers) g""", prefix, volunteer, offers);

        VertxContextSupport.subscribeAndAwait(() -> matching.expireDue());

        assertThat(count("select count(*) from offer where request_id like :prefix || '%' and status = 'EXPIRED'",
                prefix)).isEqualTo(offers);
        assertThat(count("select count(*) from matching where request_id like :prefix || '%' "
                + "and status = 'UNMATCHED'", prefix)).isEqualTo(offers);
    }

    private static void sql(String statement, String prefix, String volunteer, int offers) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(statement).setParameter("prefix", prefix)
                        .setParameter("volunteer", volunteer).setParameter("offers", offers).executeUpdate())));
    }

    private static long count(String query, String prefix) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(query, Long.class).setParameter("prefix", prefix).getSingleResult())));
    }
}
