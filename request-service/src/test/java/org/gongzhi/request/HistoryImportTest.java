package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history import (a community's finished requests from its paper register or the 12345 platform) and intake of a
 * request received earlier: both keep the real times, in the request and in the events the other services read.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class HistoryImportTest {
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    private String past(String reference, String visit) {
        return """
                {"source": "hotline-12345", "reference": "%s", "category": "water-leak",
                 "description": "楼上漏水，卫生间顶棚滴水", "building": "7", "unit": "2", "household": "201",
                 "channel": "hotline-12345", "receivedAt": "%s", "respondedAt": "%s", "resolvedAt": "%s"%s}"""
                .formatted(reference, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10)).plusSeconds(1800),
                        now.minus(Duration.ofDays(9)), visit == null ? "" : ", \"returnVisit\": " + visit);
    }

    @Test
    void aFinishedTicketIsStoredClosedWithItsTimesAndItsEventsCarryThemWithoutGivingAnyoneWork() {
        String reference = "BJ12345-" + UUID.randomUUID().toString().substring(0, 18);
        Instant visited = now.minus(Duration.ofDays(7));
        String id = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(past(reference, """
                        {"method": "phone", "solved": true, "satisfied": false, "comment": "修好了，但等了一天",
                         "visitedAt": "%s"}""".formatted(visited)))
                .post("/api/request-imports")
                .then().statusCode(201)
                .header("Location", containsString("/api/requests/"))
                .body("status", equalTo("CLOSED"))
                .body("hotlineTicket", equalTo(reference))
                .body("createdAt", equalTo(now.minus(Duration.ofDays(10)).toString()))
                .body("resolvedAt", equalTo(now.minus(Duration.ofDays(9)).toString()))
                .body("timeline.kind", hasItem("STATUS"))
                .extract().path("id");

        List<ConsumerRecord<String, String>> events = KafkaProbe.records(Topics.REQUESTS, id, found -> found.size() >= 5);
        assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type")).containsExactly(
                "gongzhi.request.submitted.v1", "gongzhi.request.status-changed.v1",
                "gongzhi.request.status-changed.v1", "gongzhi.request.followed-up.v1",
                "gongzhi.request.status-changed.v1");
        assertThat(events.get(0).value()).contains("\"tracks\":[]")
                .contains("\"submittedAt\":\"" + now.minus(Duration.ofDays(10)) + "\"");
        assertThat(events.get(2).value()).contains("\"to\":\"RESOLVED\"")
                .contains("\"changedAt\":\"" + now.minus(Duration.ofDays(9)) + "\"");
        assertThat(events.get(3).value()).contains("\"satisfied\":false").contains("\"visitedAt\":\"" + visited + "\"");
        assertThat(events.get(4).value()).contains("\"to\":\"CLOSED\"");
    }

    @Test
    void theSameRecordImportedAgainIsRefusedNamingTheRequestItBecame() {
        String reference = "paper-" + UUID.randomUUID().toString().substring(0, 18);
        String first = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(past(reference, null)).post("/api/request-imports")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(past(reference, null)).post("/api/request-imports")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(first));

        assertThat(Fixtures.count("select count(*) from resident_request where hotline_ticket = '" + reference + "'"))
                .isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from imported_request where reference = '" + reference + "'"))
                .isEqualTo(1);
    }

    @Test
    void aTicketImportedWithoutItsReturnVisitIsResolvedAndItsVisitIsDue() {
        String id = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(past("BJ12345-" + UUID.randomUUID().toString().substring(0, 18), null)).post("/api/request-imports")
                .then().statusCode(201).body("status", equalTo("RESOLVED")).extract().path("id");

        given().auth().oauth2(DevTokens.worker()).get("/api/follow-ups/due")
                .then().statusCode(200)
                .body("find { it.requestId == '" + id + "' }.overdue", equalTo(true));
    }

    @Test
    void timesOutOfOrderAreRefusedNamingTheFieldAndNothingIsStored() {
        String reference = "BJ12345-" + UUID.randomUUID().toString().substring(0, 18);
        String body = past(reference, """
                {"method": "door", "solved": true, "satisfied": true, "visitedAt": "%s"}"""
                .formatted(now.minus(Duration.ofDays(20))));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(body)
                .post("/api/request-imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("returnVisit.visitedAt"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(past(reference, null).replace("\"source\": \"hotline-12345\"", "\"source\": \"12345 热线\""))
                .post("/api/request-imports")
                .then().statusCode(400).body("errors.field", hasItem("source"));
        given().auth().oauth2(DevTokens.resident("resident-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(past(reference, null)).post("/api/request-imports")
                .then().statusCode(403);

        assertThat(Fixtures.count("select count(*) from resident_request where hotline_ticket = '" + reference + "'"))
                .isZero();
    }

    @Test
    void aTicketReceivedYesterdayIsLateFromItsReceivedTimeAndARefusalNamesReceivedAt() {
        Instant yesterday = now.minus(Duration.ofDays(1));
        String ticket = "BJ12345-" + UUID.randomUUID().toString().substring(0, 18);
        String id = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"category": "water-leak", "description": "12345转来：楼道漏水", "building": "7",
                         "channel": "hotline-12345", "hotlineTicket": "%s", "receivedAt": "%s"}"""
                        .formatted(ticket, yesterday))
                .post("/api/requests")
                .then().statusCode(201)
                .body("createdAt", equalTo(yesterday.toString()))
                .body("timeline[0].at", equalTo(yesterday.toString()))
                .extract().path("id");
        String respondBy = given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().statusCode(200).extract().path("respondBy");
        assertThat(Instant.parse(respondBy)).isBefore(now);
        assertThat(KafkaProbe.records(Topics.REQUESTS, id, found -> !found.isEmpty()).get(0).value())
                .contains("\"submittedAt\":\"" + yesterday + "\"").contains("\"ALLIANCE\"");

        given().auth().oauth2(DevTokens.resident("resident-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("""
                        {"category": "water-leak", "description": "漏水", "building": "7", "receivedAt": "%s"}"""
                        .formatted(yesterday))
                .post("/api/requests")
                .then().statusCode(400).body("errors.field", hasItem("receivedAt"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"category": "water-leak", "description": "漏水", "building": "7", "receivedAt": "%s"}"""
                        .formatted(now.plus(Duration.ofDays(1))))
                .post("/api/requests")
                .then().statusCode(400).body("errors.field", hasItem("receivedAt"));
    }

    @Test
    void anotherCommunityNeitherSeesAnImportedRequestNorLearnsOfItByImportingTheSameRecord() {
        String other = "qn-" + UUID.randomUUID().toString().substring(0, 8);
        String otherWorker = Fixtures.workerOf(other);
        given().auth().oauth2(otherWorker).contentType(ContentType.JSON).body("""
                        {"code": "7", "name": "7号楼", "floors": 6, "gridX": 1, "gridY": 0,
                         "units": [{"code": "2", "households": [{"code": "201", "floorArea": 62.5}]}]}""")
                .post("/api/estate/buildings").then().statusCode(201);
        String reference = "BJ12345-" + UUID.randomUUID().toString().substring(0, 18);
        String ours = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(past(reference, null)).post("/api/request-imports")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(otherWorker).get("/api/requests/" + ours).then().statusCode(404);
        given().auth().oauth2(otherWorker).get("/api/requests?q=" + reference).then().statusCode(200)
                .body("items.id", not(hasItem(ours)));
        // the same 12345 ticket filed with the other community is its own record: no 409 naming ours
        String theirs = given().auth().oauth2(otherWorker).contentType(ContentType.JSON)
                .body(past(reference, null)).post("/api/request-imports")
                .then().statusCode(201).extract().path("id");
        assertThat(theirs).isNotEqualTo(ours);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + theirs).then().statusCode(404);
    }
}
