package org.gongzhi.request.hall;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.Topics;
import org.gongzhi.devstack.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** From recurring complaints to a topic, a vote by household, a decision, and its action items carried out. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class DeliberationHallTest {
    private final String building = "D" + UUID.randomUUID().toString().substring(0, 6);
    private final String a = "res-a-" + UUID.randomUUID();
    private final String b = "res-b-" + UUID.randomUUID();
    private final String c = "res-c-" + UUID.randomUUID();
    private final String outsider = "res-e-" + UUID.randomUUID();

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private void estate() {
        String worker = DevTokens.worker();
        given().auth().oauth2(worker).contentType(ContentType.JSON).body("""
                {"code": "%s", "name": "议事楼", "floors": 2, "gridX": 5, "gridY": 5,
                 "units": [{"code": "1", "households": [{"code": "101", "floorArea": 50}, {"code": "102", "floorArea": 50}]},
                           {"code": "2", "households": [{"code": "201", "floorArea": 60}, {"code": "202", "floorArea": 80}]}]}
                """.formatted(building)).post("/api/estate/buildings").then().statusCode(201);
        member(a, "1", "101");
        member(b, "1", "102");
        member(c, "2", "201");
    }

    private void member(String resident, String unit, String household) {
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"residentId\": \"%s\", \"building\": \"%s\", \"unit\": \"%s\", \"household\": \"%s\", \"owner\": true}"
                        .formatted(resident, building, unit, household))
                .post("/api/estate/members").then().statusCode(201);
    }

    private String parkingComplaint(String resident) {
        return given().auth().oauth2(DevTokens.resident(resident)).contentType(ContentType.JSON)
                .body("{\"category\": \"parking\", \"description\": \"Cars block the lane every night\", "
                        + "\"building\": \"" + building + "\"}")
                .post("/api/requests").then().statusCode(201).extract().path("id");
    }

    private void ballot(String resident, String voteId, String choice, String household, int status) {
        String target = household == null ? "" : ", \"household\": " + household;
        given().auth().oauth2(DevTokens.resident(resident)).contentType(ContentType.JSON)
                .body("{\"choice\": \"" + choice + "\"" + target + "}")
                .post("/api/deliberation/votes/" + voteId + "/ballots")
                .then().statusCode(status);
    }

    @Test
    void complaintsBecomeATopicAVoteADecisionAndWorkDone() {
        estate();
        List<String> complaints = List.of(parkingComplaint(a), parkingComplaint(b), parkingComplaint(c));
        String worker = DevTokens.worker();

        given().auth().oauth2(worker).get("/api/deliberation/suggestions").then().statusCode(200)
                .body("find { it.building == '%s' }.requests".formatted(building), equalTo(3));

        String topicId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"title\": \"北巷停车\", \"description\": \"Where may cars park at night?\", "
                        + "\"buildings\": [\"" + building + "\"], \"requestIds\": [\"" + String.join("\", \"", complaints)
                        + "\"]}")
                .post("/api/deliberation/topics").then().statusCode(201)
                .body("linkedRequests", hasSize(3)).extract().path("id");
        given().auth().oauth2(worker).get("/api/requests/" + complaints.get(0))
                .then().body("status", equalTo("IN_DELIBERATION"));
        given().auth().oauth2(worker).get("/api/deliberation/suggestions").then()
                .body("building", org.hamcrest.Matchers.not(hasItem(building)));

        // discussion, with moderation that hides but never deletes
        String commentId = given().auth().oauth2(DevTokens.resident(a)).contentType(ContentType.JSON)
                .body("{\"text\": \"Paint bays on the east side\"}")
                .post("/api/deliberation/topics/" + topicId + "/comments").then().statusCode(200)
                .extract().path("comments[0].id");
        given().auth().oauth2(DevTokens.resident(b)).contentType(ContentType.JSON)
                .body("{\"text\": \"rude words\", \"parentId\": \"" + commentId + "\"}")
                .post("/api/deliberation/topics/" + topicId + "/comments").then().statusCode(200);
        String reply = given().auth().oauth2(worker).get("/api/deliberation/topics/" + topicId)
                .then().extract().path("comments.find { it.parentId != null }.id");
        given().auth().oauth2(DevTokens.resident(b)).contentType(ContentType.JSON).body("{\"reason\": \"mine\"}")
                .post("/api/deliberation/topics/" + topicId + "/comments/" + reply + "/hide").then().statusCode(403);
        given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"reason\": \"insulting a neighbour\"}")
                .post("/api/deliberation/topics/" + topicId + "/comments/" + reply + "/hide").then().statusCode(200)
                .body("comments.find { it.id == '%s' }.hidden".formatted(reply), equalTo(true))
                .body("comments.find { it.id == '%s' }.text".formatted(reply), nullValue())
                .body("comments.find { it.id == '%s' }.hiddenReason".formatted(reply), equalTo("insulting a neighbour"));
        given().auth().oauth2(DevTokens.resident(a)).contentType(ContentType.JSON).body("{\"text\": \"\"}")
                .post("/api/deliberation/topics/" + topicId + "/comments").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        given().auth().oauth2(DevTokens.resident(a)).post("/api/deliberation/topics/" + topicId + "/support")
                .then().statusCode(200).body("supporters", equalTo(1));

        // a vote by household, simple majority with a quorum of half the households
        String voteId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"question\": \"Paint parking bays on the east side?\", \"options\": [\"approve\", \"reject\"], "
                        + "\"rule\": \"SIMPLE_MAJORITY\", \"quorum\": 0.5, \"closesAt\": \""
                        + Instant.now().plus(Duration.ofHours(1)) + "\"}")
                .post("/api/deliberation/topics/" + topicId + "/votes").then().statusCode(201)
                .extract().path("vote.id");
        var opened = KafkaProbe.records(Topics.DELIBERATION, topicId, found -> found.stream()
                .anyMatch(r -> "gongzhi.vote.opened.v1".equals(KafkaProbe.header(r, "ce_type"))));
        assertThat(opened).filteredOn(r -> "gongzhi.vote.opened.v1".equals(KafkaProbe.header(r, "ce_type")))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"voteId\":\"" + voteId + "\"")
                        .contains("\"question\":\"Paint parking bays on the east side?\"")
                        .contains("\"rule\":\"SIMPLE_MAJORITY\"")
                        .contains("\"options\":[\"approve\",\"reject\"]")
                        .contains("\"eligibleHouseholds\":4")
                        .contains("\"closesAt\""));

        ballot(a, voteId, "reject", null, 200);
        ballot(a, voteId, "approve", null, 200);   // changed before the close: the latest counts
        ballot(a, voteId, "maybe", null, 400);
        String absent = "{\"building\": \"" + building + "\", \"unit\": \"2\", \"household\": \"202\"}";
        ballot(c, voteId, "approve", absent, 403);  // not yet the proxy
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"household\": " + absent + ", \"residentId\": \"" + c + "\"}")
                .post("/api/deliberation/proxies").then().statusCode(201);
        ballot(c, voteId, "approve", absent, 200);
        ballot(outsider, voteId, "approve", null, 403); // not linked to any household
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"household\": {\"building\": \"" + building + "\", \"unit\": \"1\", \"household\": \"102\"}, "
                        + "\"choice\": \"reject\"}")
                .post("/api/deliberation/votes/" + voteId + "/offline-ballots").then().statusCode(200);

        given().auth().oauth2(DevTokens.resident(a)).get("/api/deliberation/votes/" + voteId).then().statusCode(200)
                .body("myChoice", equalTo("approve"))
                .body("participatingHouseholds", equalTo(3))
                .body("eligibleHouseholds", equalTo(4))
                .body("households.size()", equalTo(0));
        given().auth().oauth2(worker).post("/api/deliberation/votes/" + voteId + "/close").then().statusCode(409);

        TestClock.advance(Duration.ofHours(2));
        ballot(b, voteId, "approve", null, 409);   // the window has closed
        given().auth().oauth2(worker).post("/api/deliberation/votes/" + voteId + "/close").then().statusCode(200)
                .body("vote.outcome", equalTo("PASSED"))
                .body("vote.winner", equalTo("approve"))
                .body("households.approve", equalTo(2))
                .body("households.reject", equalTo(1));
        var closed = KafkaProbe.records(Topics.DELIBERATION, topicId, found -> found.stream()
                .anyMatch(r -> r.value().contains("\"outcome\":\"PASSED\"")));
        assertThat(closed).anyMatch(r -> r.value().contains("\"voteId\":\"" + voteId + "\""));

        given().auth().oauth2(worker).get("/api/deliberation/votes/" + voteId + "/ballots").then().statusCode(403);
        given().auth().oauth2(DevTokens.admin()).get("/api/deliberation/votes/" + voteId + "/ballots").then()
                .statusCode(200).body("", hasSize(3))
                .body("find { it.household == '202' }.byProxy", equalTo(true))
                .body("find { it.household == '202' }.castBy", equalTo(c))
                .body("find { it.household == '102' }.recordedBy", equalTo("worker-li"));

        // the decision: linked requests resume, its action item becomes a request the alliance carries out
        String actionRequest = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"outcome\": \"approved\", \"summary\": \"Bays on the east side; no parking on the lane\", "
                        + "\"actionItems\": [{\"title\": \"Paint parking bays\", \"category\": \"parking\", "
                        + "\"building\": \"" + building + "\"}]}")
                .post("/api/deliberation/topics/" + topicId + "/decision").then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("decision.progressPercent", equalTo(0))
                .extract().path("decision.actionItems[0].requestId");
        given().auth().oauth2(worker).get("/api/requests/" + complaints.get(1))
                .then().body("status", equalTo("ACKNOWLEDGED"));
        var decided = KafkaProbe.records(Topics.DELIBERATION, topicId, found -> found.stream()
                .anyMatch(r -> r.value().contains("\"outcome\":\"approved\"")));
        assertThat(decided).filteredOn(r -> r.value().contains("\"outcome\":\"approved\"")).singleElement()
                .satisfies(r -> assertThat(r.value()).contains(a).contains(c).contains(b)
                        .contains(complaints.get(0)));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"outcome\": \"again\", \"summary\": \"twice\", \"actionItems\": []}")
                .post("/api/deliberation/topics/" + topicId + "/decision").then().statusCode(409);

        var started = KafkaProbe.records(Topics.DELIBERATION, topicId, found -> found.stream()
                .anyMatch(r -> "gongzhi.decision.progressed.v1".equals(KafkaProbe.header(r, "ce_type"))));
        assertThat(started).filteredOn(r -> "gongzhi.decision.progressed.v1".equals(KafkaProbe.header(r, "ce_type")))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"title\":\"北巷停车\"")
                        .contains("\"actionItemsTotal\":1").contains("\"actionItemsDone\":0"));

        org.gongzhi.request.Tracks.assign(actionRequest, "t-" + UUID.randomUUID(), "property");
        org.gongzhi.request.Tracks.resolve(actionRequest);
        var progressed = KafkaProbe.records(Topics.DELIBERATION, topicId, found -> found.stream()
                .anyMatch(r -> r.value().contains("\"actionItemsDone\":1")));
        assertThat(progressed).filteredOn(r -> "gongzhi.decision.progressed.v1".equals(KafkaProbe.header(r, "ce_type")))
                .extracting(r -> r.value().contains("\"actionItemsDone\":1") ? "done" : "started")
                .containsExactly("started", "done");
        given().auth().oauth2(DevTokens.resident(b)).get("/api/deliberation/topics/" + topicId).then().statusCode(200)
                .body("decision.progressPercent", equalTo(100))
                .body("decision.done", equalTo(true))
                .body("decision.actionItems.status", everyItem(anyOf(is("RESOLVED"), is("CLOSED"))));
    }

    @Test
    void onOwnersMattersOnlyOwnersOrTheirProxiesCastAHouseholdsVote() {
        estate();
        String tenant = "res-t-" + UUID.randomUUID();
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"residentId\": \"%s\", \"building\": \"%s\", \"unit\": \"2\", \"household\": \"202\", \"owner\": false}"
                        .formatted(tenant, building))
                .post("/api/estate/members").then().statusCode(201);
        String worker = DevTokens.worker();
        String topicId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"title\": \"Lift fund\", \"description\": \"Spend the maintenance fund on a lift?\", "
                        + "\"buildings\": [\"" + building + "\"]}")
                .post("/api/deliberation/topics").then().statusCode(201).extract().path("id");
        String owners = openVote(topicId, "DOUBLE_MAJORITY_MAJOR");
        String everyone = openVote(topicId, "SIMPLE_MAJORITY");

        ballot(tenant, owners, "approve", null, 403);      // a tenant does not vote on owners' matters
        ballot(a, owners, "approve", null, 200);           // an owner does
        ballot(tenant, everyone, "approve", null, 200);    // everyone living there votes on a simple matter
        given().auth().oauth2(DevTokens.resident(tenant)).contentType(ContentType.JSON)
                .body("{\"choice\": \"approve\"}").post("/api/deliberation/votes/" + owners + "/ballots")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("owner"));

        // the owner of 2-202 registers the tenant as the household's proxy: now the tenant may cast it
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"household\": {\"building\": \"" + building + "\", \"unit\": \"2\", \"household\": \"202\"}, "
                        + "\"residentId\": \"" + tenant + "\"}")
                .post("/api/deliberation/proxies").then().statusCode(201);
        ballot(tenant, owners, "reject", null, 200);
        given().auth().oauth2(DevTokens.admin()).get("/api/deliberation/votes/" + owners + "/ballots").then()
                .statusCode(200).body("", hasSize(2))
                .body("find { it.household == '202' }.byProxy", equalTo(true));

        var opened = KafkaProbe.records(Topics.DELIBERATION, topicId, found -> found.stream()
                .filter(r -> "gongzhi.vote.opened.v1".equals(KafkaProbe.header(r, "ce_type"))).count() == 2);
        assertThat(opened).filteredOn(r -> r.value().contains("DOUBLE_MAJORITY_MAJOR")).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"eligibleHouseholds\":4"));
    }

    private String openVote(String topicId, String rule) {
        return given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"question\": \"Build a lift?\", \"options\": [\"approve\", \"reject\"], \"rule\": \""
                        + rule + "\", \"closesAt\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\"}")
                .post("/api/deliberation/topics/" + topicId + "/votes").then().statusCode(201)
                .extract().path("vote.id");
    }

    @Test
    void meetingsHaveAnAgendaRegistrationAttendanceAndMinutes() {
        String worker = DevTokens.worker();
        String topicId = given().auth().oauth2(DevTokens.resident(a)).contentType(ContentType.JSON)
                .body("{\"title\": \"楼道清理\", \"description\": \"Clear the corridors together\"}")
                .post("/api/deliberation/topics").then().statusCode(201).extract().path("id");
        String meetingId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"title\": \"议事厅第12次会议\", \"place\": \"社区活动室\", \"startsAt\": \""
                        + Instant.now().plus(Duration.ofDays(2)) + "\", \"topicIds\": [\"" + topicId + "\"]}")
                .post("/api/deliberation/meetings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.resident(a)).post("/api/deliberation/meetings/" + meetingId + "/registrations")
                .then().statusCode(200).body("registered", equalTo(1));
        given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"residentIds\": [\"" + a + "\", \"" + b + "\"]}")
                .post("/api/deliberation/meetings/" + meetingId + "/attendance")
                .then().statusCode(200).body("registered", equalTo(2)).body("attended", equalTo(2));
        given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"text\": \"Agreed a clean-up day.\"}")
                .put("/api/deliberation/meetings/" + meetingId + "/minutes")
                .then().statusCode(200).body("minutes", equalTo("Agreed a clean-up day."));
        given().auth().oauth2(DevTokens.resident(a)).contentType(ContentType.JSON)
                .body("{\"title\": \"x\", \"place\": \"y\", \"startsAt\": \"2027-01-01T00:00:00Z\", \"topicIds\": [\""
                        + topicId + "\"]}")
                .post("/api/deliberation/meetings").then().statusCode(403);
    }

    @Test
    void aMeetingOfFiveHundredRecordsEveryonesAttendance() {
        // the most the API takes in one call: each attendance is written one after the other in one transaction
        String worker = DevTokens.worker();
        String topicId = given().auth().oauth2(DevTokens.resident(a)).contentType(ContentType.JSON)
                .body("{\"title\": \"广场舞时间\", \"description\": \"When the square may be loud\"}")
                .post("/api/deliberation/topics").then().statusCode(201).extract().path("id");
        String meetingId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"title\": \"居民大会\", \"place\": \"社区广场\", \"startsAt\": \""
                        + Instant.now().plus(Duration.ofDays(1)) + "\", \"topicIds\": [\"" + topicId + "\"]}")
                .post("/api/deliberation/meetings").then().statusCode(201).extract().path("id");
        String everyone = IntStream.range(0, 500).mapToObj(i -> "\"res-" + i + "-" + meetingId + "\"")
                .collect(Collectors.joining(","));
        given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"residentIds\": [" + everyone + "]}")
                .post("/api/deliberation/meetings/" + meetingId + "/attendance")
                .then().statusCode(200).body("attended", equalTo(500));
    }

    @Test
    void aWorkerOfAnotherCommunityCannotRegisterAProxyForAHouseholdOfThisOne() {
        estate();
        String household = "{\"building\": \"" + building + "\", \"unit\": \"2\", \"household\": \"202\"}";
        String proxy = "{\"household\": " + household + ", \"residentId\": \"" + c + "\"}";
        given().auth().oauth2(org.gongzhi.request.Fixtures.workerOf("qn-" + UUID.randomUUID().toString().substring(0, 8)))
                .contentType(ContentType.JSON).body(proxy)
                .post("/api/deliberation/proxies").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("household"));
        assertThat(org.gongzhi.request.Fixtures.count("select count(*) from proxy where building = '" + building + "'"))
                .isZero();
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(proxy)
                .post("/api/deliberation/proxies").then().statusCode(201);
        assertThat(org.gongzhi.request.Fixtures.count("select count(*) from proxy where building = '" + building
                + "' and community_id = '" + DevTokens.COMMUNITY + "'")).isEqualTo(1);
    }
}
