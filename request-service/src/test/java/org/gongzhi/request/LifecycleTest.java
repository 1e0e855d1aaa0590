package org.gongzhi.request;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class LifecycleTest {

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    @Test
    void unsatisfiedReturnVisitReopensTheRequestAndTellsTheTracks() {
        String resident = DevTokens.resident("r-" + UUID.randomUUID());
        String id = Tracks.leakBy(resident);
        Tracks.assign(id, "t-" + UUID.randomUUID(), "property");
        Tracks.resolve(id);

        given().auth().oauth2(DevTokens.worker()).get("/api/follow-ups/due")
                .then().statusCode(200).body("requestId", hasItem(id));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"method\": \"phone\", \"solved\": false, \"satisfied\": false, \"comment\": \"still drips\"}")
                .post("/api/requests/" + id + "/follow-ups")
                .then().statusCode(201).body("status", equalTo("REOPENED"));

        var reopened = KafkaProbe.records(Topics.REQUESTS, id, found -> found.stream()
                .anyMatch(r -> "gongzhi.request.reopened.v1".equals(KafkaProbe.header(r, "ce_type"))));
        assertThat(reopened).anyMatch(r -> "gongzhi.request.reopened.v1".equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains("\"tracks\":[\"ALLIANCE\"]"));
        given().auth().oauth2(DevTokens.worker()).get("/api/follow-ups/due")
                .then().body("requestId", not(hasItem(id)));
    }

    @Test
    void satisfiedResidentClosesTheRequestFromTheApp() {
        String resident = DevTokens.resident("r-" + UUID.randomUUID());
        String id = Tracks.leakBy(resident);
        Tracks.assign(id, "t-" + UUID.randomUUID(), "property");
        Tracks.resolve(id);

        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"method\": \"app\", \"solved\": true, \"satisfied\": true}")
                .post("/api/requests/" + id + "/follow-ups")
                .then().statusCode(201).body("status", equalTo("CLOSED"));
        assertThat(Fixtures.count("select count(*) from return_visit where request_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void followUpOnAnUnresolvedRequestIsAConflictAndRecordsNothing() {
        String id = Tracks.leakBy(DevTokens.worker());
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"method\": \"door\", \"solved\": true, \"satisfied\": true}")
                .post("/api/requests/" + id + "/follow-ups")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(Fixtures.count("select count(*) from return_visit where request_id = '" + id + "'")).isZero();
    }

    @Test
    void illegalTransitionIs409AndWithdrawnRequestStaysWithdrawn() {
        String resident = DevTokens.resident("r-" + UUID.randomUUID());
        String id = Tracks.leakBy(resident);
        given().auth().oauth2(resident).contentType(ContentType.JSON).body("{\"text\": \"fixed it myself\"}")
                .post("/api/requests/" + id + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("{\"text\": \"on it\"}")
                .post("/api/requests/" + id + "/acknowledge")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("a request that is WITHDRAWN cannot become ACKNOWLEDGED"));
    }

    @Test
    void aResidentCannotWithdrawANeighboursRequest() {
        String id = Tracks.leakBy(DevTokens.resident("owner-" + UUID.randomUUID()));
        given().auth().oauth2(DevTokens.resident("other-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"text\": \"mischief\"}").post("/api/requests/" + id + "/withdraw")
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void contactGoesOnlyToWorkersAndTheLeadPartyAndEveryReadIsAudited() {
        String id = Tracks.leakBy(DevTokens.resident("r-" + UUID.randomUUID()));
        // a party with no task on it may not learn the request exists: 404, as for an unknown id
        given().auth().oauth2(DevTokens.partner("property")).get("/api/requests/" + id + "/contact")
                .then().statusCode(404).contentType("application/problem+json");

        Tracks.assign(id, "t-" + UUID.randomUUID(), "property");
        given().auth().oauth2(DevTokens.partner("property")).get("/api/requests/" + id + "/contact")
                .then().statusCode(200).body("phone", equalTo("13912345678"));
        given().auth().oauth2(DevTokens.partner("police")).get("/api/requests/" + id + "/contact")
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.worker()).queryParam("reason", "约上门时间").get("/api/requests/" + id + "/contact")
                .then().statusCode(200);
        given().auth().oauth2(DevTokens.worker()).queryParam("reason", "x".repeat(201))
                .get("/api/requests/" + id + "/contact").then().statusCode(400).body("errors[0].field", equalTo("reason"));

        assertThat(Fixtures.count("select count(*) from contact_read where request_id = '" + id + "'")).isEqualTo(2);
        given().auth().oauth2(DevTokens.admin()).get("/api/audit").then().statusCode(200)
                .body("requestId", hasItem(id))
                .body("find { it.requestId == '" + id + "' && it.reason != null }.reason", equalTo("约上门时间"));
        given().auth().oauth2(DevTokens.worker()).get("/api/audit").then().statusCode(403);
        // the phone never travels in an event
        assertThat(KafkaProbe.records(Topics.REQUESTS, id, found -> found.size() >= 2))
                .allMatch(r -> !r.value().contains("13912345678"));
    }

    @Test
    void residentsSearchOnlyTheirOwnRequestsAndWorkersFilter() {
        String me = "r-" + UUID.randomUUID();
        String mine = Tracks.leakBy(DevTokens.resident(me));
        String theirs = Tracks.leakBy(DevTokens.resident("r-" + UUID.randomUUID()));

        given().auth().oauth2(DevTokens.resident(me)).get("/api/requests")
                .then().statusCode(200).body("items.id", hasItem(mine)).body("items.id", not(hasItem(theirs)))
                .body("total", equalTo(1));
        given().auth().oauth2(DevTokens.worker()).queryParam("building", "7").queryParam("status", "SUBMITTED")
                .queryParam("size", "100").get("/api/requests")
                .then().statusCode(200).body("items.id", hasItem(theirs))
                .body("items.building", everyItem(equalTo("7")))
                .body("items.status", everyItem(equalTo("SUBMITTED")));
        given().auth().oauth2(DevTokens.worker()).queryParam("size", "0").get("/api/requests")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("size"));
    }

    @Test
    void triageAddingTheVolunteerTrackAnnouncesItToTheTracksOnceAndNeverAsASecondSubmission() {
        String id = Tracks.leakBy(DevTokens.worker());
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"urgency\": \"URGENT\", \"addTracks\": [\"VOLUNTEERS\"]}")
                .post("/api/requests/" + id + "/triage")
                .then().statusCode(200).body("urgency", equalTo("URGENT")).body("tracks", hasItem("VOLUNTEERS"));
        var events = KafkaProbe.records(Topics.REQUESTS, id, found -> found.size() >= 2);
        assertThat(events).filteredOn(r -> "gongzhi.request.recategorised.v1".equals(KafkaProbe.header(r, "ce_type")))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"addedTracks\":[\"VOLUNTEERS\"]"));
        assertThat(events).filteredOn(r -> "gongzhi.request.submitted.v1".equals(KafkaProbe.header(r, "ce_type")))
                .hasSize(1);
    }
}
