package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The volunteer's view of a request (issue 21): the errand only to the volunteer it is offered to or who holds it;
 * the description and the resident's phone only once accepted and while the job is open; every phone read audited.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class VolunteerErrandTest {

    @BeforeEach
    void estate() {
        Fixtures.building("5");
    }

    private static String shoppingHelp() {
        return Tracks.submit(DevTokens.resident("r-" + UUID.randomUUID()), """
                {"category": "shopping-help", "description": "Rice and eggs, please; ring twice", "building": "5",
                 "unit": "2", "household": "201", "contactPhone": "13800001111"}""");
    }

    private static String event(String requestId, String type, String json) {
        String id = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.VOLUNTEERING, requestId, id, type, json);
        return id;
    }

    private static void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Fixtures.count("select count(*) from processed_event where event_id = '" + eventId + "'") == 1);
    }

    private static io.restassured.response.ValidatableResponse errand(String volunteer, String id) {
        return given().auth().oauth2(DevTokens.volunteer(volunteer)).get("/api/requests/" + id + "/errand").then();
    }

    private static io.restassured.response.ValidatableResponse phone(String volunteer, String id) {
        return given().auth().oauth2(DevTokens.volunteer(volunteer)).get("/api/requests/" + id + "/contact").then();
    }

    private static long reads(String id) {
        return Fixtures.count("select count(*) from contact_read where request_id = '" + id + "'");
    }

    @Test
    void theOfferedVolunteerSeesWhereThenTheDescriptionAndPhoneOnlyWhileHoldingTheJob() {
        String id = shoppingHelp();
        Instant now = Instant.now();
        // before any offer nobody of the volunteers sees it
        errand("v6070-01", id).statusCode(404).contentType("application/problem+json");

        awaitProcessed(event(id, "gongzhi.volunteer.offered.v1", """
                {"communityId": "hepingli", "offerId": "o-1", "requestId": "%s", "volunteerId": "v6070-01",
                 "reason": "shopping; free now", "expiresAt": "%s", "offeredAt": "%s"}"""
                .formatted(id, now.plusSeconds(1800), now)));
        // offered: where and by when, no description; the phone is 404 before acceptance
        errand("v6070-01", id).statusCode(200).body("building", equalTo("5")).body("unit", equalTo("2"))
                .body("household", equalTo("201")).body("job", equalTo("OFFERED"))
                .body("description", nullValue());
        phone("v6070-01", id).statusCode(404).contentType("application/problem+json");
        // another volunteer's offer is 404, errand and phone alike
        errand("v6070-02", id).statusCode(404);
        phone("v6070-02", id).statusCode(404);
        assertThat(reads(id)).isZero();

        awaitProcessed(event(id, "gongzhi.volunteer.accepted.v1", """
                {"communityId": "hepingli", "offerId": "o-1", "requestId": "%s", "volunteerId": "v6070-01",
                 "acceptedAt": "%s"}""".formatted(id, now.plusSeconds(60))));
        errand("v6070-01", id).statusCode(200).body("job", equalTo("ACCEPTED"))
                .body("description", equalTo("Rice and eggs, please; ring twice"));
        phone("v6070-01", id).statusCode(200).body("phone", equalTo("13800001111"))
                .body("unit", equalTo("2")).body("household", equalTo("201"));
        errand("v6070-02", id).statusCode(404);
        phone("v6070-02", id).statusCode(404);
        // the read is audited: who (the volunteer's token subject) and when
        assertThat(reads(id)).isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from contact_read where request_id = '" + id
                + "' and reader = 'volunteer-v6070-01' and organisation is null")).isEqualTo(1);

        awaitProcessed(event(id, "gongzhi.volunteer.completed.v1", """
                {"communityId": "hepingli", "offerId": "o-1", "requestId": "%s", "volunteerId": "v6070-01",
                 "hours": 1.5, "completedAt": "%s"}""".formatted(id, now.plusSeconds(3600))));
        // done: the phone and the errand are 404 again, and nothing more is audited
        phone("v6070-01", id).statusCode(404);
        errand("v6070-01", id).statusCode(404);
        assertThat(reads(id)).isEqualTo(1);
    }

    @Test
    void aDeclinedOrExpiredOfferMovesTheErrandToTheNextVolunteer() {
        String id = shoppingHelp();
        Instant now = Instant.now();
        event(id, "gongzhi.volunteer.offered.v1", """
                {"communityId": "hepingli", "offerId": "o-1", "requestId": "%s", "volunteerId": "v6070-01",
                 "reason": "shopping", "expiresAt": "%s", "offeredAt": "%s"}"""
                .formatted(id, now.plusSeconds(1800), now));
        awaitProcessed(event(id, "gongzhi.volunteer.offered.v1", """
                {"communityId": "hepingli", "offerId": "o-2", "requestId": "%s", "volunteerId": "v6070-02",
                 "reason": "shopping", "expiresAt": "%s", "offeredAt": "%s"}"""
                .formatted(id, now.plusSeconds(3600), now.plusSeconds(60))));
        errand("v6070-01", id).statusCode(404);
        errand("v6070-02", id).statusCode(200).body("job", equalTo("OFFERED"));
        // a worker still reads the phone as before; the volunteers' rules do not touch the staff's
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id + "/contact").then().statusCode(200);
    }

    @Test
    void aJobHandedOverToAProfessionalNoLongerShowsThePhone() {
        String id = shoppingHelp();
        Instant now = Instant.now();
        event(id, "gongzhi.volunteer.offered.v1", """
                {"communityId": "hepingli", "offerId": "o-9", "requestId": "%s", "volunteerId": "v6070-03",
                 "reason": "shopping", "expiresAt": "%s", "offeredAt": "%s"}"""
                .formatted(id, now.plusSeconds(1800), now));
        awaitProcessed(event(id, "gongzhi.volunteer.accepted.v1", """
                {"communityId": "hepingli", "offerId": "o-9", "requestId": "%s", "volunteerId": "v6070-03",
                 "acceptedAt": "%s"}""".formatted(id, now.plusSeconds(60))));
        phone("v6070-03", id).statusCode(200);
        awaitProcessed(event(id, "gongzhi.volunteer.handed-over.v1", """
                {"communityId": "hepingli", "offerId": "o-9", "requestId": "%s", "volunteerId": "v6070-03",
                 "category": "shopping-help", "building": "5", "handOverTo": "PROPERTY_MANAGEMENT",
                 "reason": "needs a plumber", "handedOverAt": "%s"}""".formatted(id, now.plusSeconds(600))));
        phone("v6070-03", id).statusCode(404);
    }
}
