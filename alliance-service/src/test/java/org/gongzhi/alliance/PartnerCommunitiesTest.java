package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An organisation that serves two communities (the community police station of a sub-district): registered in each,
 * each registration that community's own; a partner token carrying both communities works the tasks of both, one of
 * a single community sees only its own, and a worker never sees the other community's.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class PartnerCommunitiesTest {
    private static final String A = DevTokens.COMMUNITY;
    private static final String B = DevTokens.SECOND_COMMUNITY;
    /** Each test's station has buildings of its own in each community, so no earlier test's rule is in its way. */
    private static final java.util.concurrent.atomic.AtomicInteger TESTS = new java.util.concurrent.atomic.AtomicInteger();

    @TestHTTPResource("/api/partners/me/feed")
    URI feed;

    private String station;
    private String buildingA;
    private String buildingB;

    @BeforeEach
    void aStationServingBothCommunities() {
        int n = TESTS.incrementAndGet();
        buildingA = String.valueOf(20 + n);
        buildingB = "3" + n;
        Fixtures.building(B, buildingB);
        station = "station-" + UUID.randomUUID().toString().substring(0, 6);
        register(DevTokens.worker(A), station, "和平里派出所", buildingA, "李警官").then().statusCode(201);
        // B's worker adds the same organisation to B, with B's coverage and B's officer: 201, not 409
        register(DevTokens.worker(B), station, "青年湖警务站", buildingB, "王警官").then().statusCode(201)
                .body("name", equalTo("青年湖警务站")).body("contacts[0].name", equalTo("王警官"));
        rule(DevTokens.worker(A), buildingA);
        rule(DevTokens.worker(B), buildingB);
    }

    @Test
    void aPartnerServingBothCommunitiesSeesAndCompletesTheTasksOfBoth() throws Exception {
        String inA = UUID.randomUUID().toString();
        String inB = UUID.randomUUID().toString();
        submit(A, inA, buildingA);
        submit(B, inB, buildingB);
        Fixtures.awaitCase(inA, 1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.count("select count(*) from task where request_id = '" + inB + "'") >= 1);
        String taskA = Fixtures.taskOf(inA, station);
        String taskB = Fixtures.taskOf(inB, station);
        assertThat(taskA).isNotNull();
        assertThat(taskB).isNotNull();

        String both = DevTokens.partner(A, station, List.of(B));
        JsonPath mine = given().auth().oauth2(both).get("/api/partners/me/tasks?size=100")
                .then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("items.id", String.class)).contains(taskA, taskB);
        Map<String, Object> b = mine.getMap("items.find { it.id == '" + taskB + "' }.community");
        assertThat(b).containsEntry("id", B).containsEntry("name", "青年湖社区")
                .containsEntry("nameEn", "Qingnianhu community");
        assertThat(mine.getString("items.find { it.id == '" + taskA + "' }.community.name")).isEqualTo("和平里社区");
        // one community at a time
        JsonPath ofB = given().auth().oauth2(both).queryParam("community", B).queryParam("size", 100)
                .get("/api/partners/me/tasks").then().statusCode(200).extract().jsonPath();
        assertThat(ofB.getList("items.id", String.class)).contains(taskB).doesNotContain(taskA);
        assertThat(ofB.getList("items.community.id", String.class)).containsOnly(B);

        given().auth().oauth2(both).contentType(ContentType.JSON).body("{\"note\": \"officer on the way\"}")
                .post("/api/tasks/" + taskB + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("community.id", equalTo(B));
        given().auth().oauth2(both).contentType(ContentType.JSON).body("{\"note\": \"settled\"}")
                .post("/api/tasks/" + taskB + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
        // the case names its community, and so does each of its tasks, so the phone page can tell them apart
        given().auth().oauth2(both).get("/api/cases/" + inB).then().statusCode(200)
                .body("community.id", equalTo(B)).body("community.name", equalTo("青年湖社区"))
                .body("tasks.id", hasItem(taskB)).body("tasks.community.id", everyItem(equalTo(B)))
                .body("tasks.community.nameEn", everyItem(equalTo("Qingnianhu community")));
        given().auth().oauth2(both).get("/api/cases/" + inA).then().statusCode(200)
                .body("community.id", equalTo(A)).body("tasks.community.name", everyItem(equalTo("和平里社区")));

        // its live feed carries the events of both communities
        var followed = SseProbe.collect(feed, both, "0", events -> events.stream().anyMatch(e -> e.data()
                .contains(taskA)) && events.stream().anyMatch(e -> e.data().contains("settled")),
                Duration.ofSeconds(20));
        assertThat(followed.events()).anySatisfy(e -> assertThat(e.data()).contains(taskA));
        assertThat(followed.events()).anySatisfy(e -> assertThat(e.data()).contains(taskB).contains("\"" + B + "\""));
    }

    @Test
    void aPartnerServingBothCommunitiesReadsItsFiguresInEachAndAddedUpAWorkerOnlyItsOwnCommunitys() {
        String inA = UUID.randomUUID().toString();
        String inB = UUID.randomUUID().toString();
        submit(A, inA, buildingA);
        submit(B, inB, buildingB);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count(
                "select count(*) from task where request_id in ('" + inA + "', '" + inB + "')") >= 2);
        String both = DevTokens.partner(A, station, List.of(B));
        String taskB = Fixtures.taskOf(inB, station);
        given().auth().oauth2(both).contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + taskB + "/acknowledge").then().statusCode(200);
        given().auth().oauth2(both).contentType(ContentType.JSON).body("{\"note\": \"settled\"}")
                .post("/api/tasks/" + taskB + "/complete").then().statusCode(200);
        String performance = "/api/organisations/" + station + "/performance";

        // the coordinator's page: both communities added up, and each its own, named
        given().auth().oauth2(both).get(performance).then().statusCode(200)
                .body("organisationId", equalTo(station)).body("tasks", equalTo(2)).body("open", equalTo(1))
                .body("completed", equalTo(1)).body("community", org.hamcrest.Matchers.nullValue())
                .body("communities.community.id", equalTo(List.of(A, B)))
                .body("communities.community.name", equalTo(List.of("和平里社区", "青年湖社区")))
                .body("communities.tasks", equalTo(List.of(1, 1)))
                .body("communities.open", equalTo(List.of(1, 0)))
                .body("communities.completed", equalTo(List.of(0, 1)));
        // a worker of either community: its own community's figures of the organisation only
        given().auth().oauth2(DevTokens.worker(A)).get(performance).then().statusCode(200)
                .body("tasks", equalTo(1)).body("completed", equalTo(0))
                .body("communities.community.id", equalTo(List.of(A)));
        given().auth().oauth2(DevTokens.worker(B)).get(performance).then().statusCode(200)
                .body("tasks", equalTo(1)).body("completed", equalTo(1))
                .body("communities.community.id", equalTo(List.of(B)));
        // the organisation's token of A alone: A's figures, as before
        given().auth().oauth2(DevTokens.partner(A, station)).get(performance).then().statusCode(200)
                .body("tasks", equalTo(1)).body("communities.community.id", equalTo(List.of(A)));
        // a token whose own community the organisation is not registered in, naming both it serves: both
        given().auth().oauth2(DevTokens.partner("elsewhere", station, List.of(A, B))).get(performance).then()
                .statusCode(200).body("tasks", equalTo(2))
                .body("communities.community.id", equalTo(List.of(A, B)));
        // a token of a community the organisation does not serve, or of another organisation: 404
        given().auth().oauth2(DevTokens.partner("elsewhere", station)).get(performance).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.worker("elsewhere")).get(performance).then().statusCode(404);
        given().auth().oauth2(DevTokens.partner(A, "another-" + station, List.of(B))).get(performance).then()
                .statusCode(404);
    }

    @Test
    void aTokenOfOneCommunitySeesNothingOfTheOther() throws Exception {
        String inB = UUID.randomUUID().toString();
        submit(B, inB, buildingB);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.count("select count(*) from task where request_id = '" + inB + "'") >= 1);
        String taskB = Fixtures.taskOf(inB, station);

        String onlyA = DevTokens.partner(A, station);
        given().auth().oauth2(onlyA).get("/api/partners/me/tasks?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(taskB)));
        given().auth().oauth2(onlyA).queryParam("community", B).get("/api/partners/me/tasks").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("total", equalTo(0));
        given().auth().oauth2(onlyA).get("/api/tasks/" + taskB).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(onlyA).contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + taskB + "/acknowledge").then().statusCode(404);
        given().auth().oauth2(onlyA).get("/api/cases/" + inB).then().statusCode(404);
        var feedOfA = SseProbe.collect(feed, onlyA, "0", events -> events.stream()
                .anyMatch(e -> e.data().contains(taskB)), Duration.ofSeconds(3));
        assertThat(feedOfA.events()).noneSatisfy(e -> assertThat(e.data()).contains(taskB));

        // a worker of A: never B's task, however the organisation serves both
        given().auth().oauth2(DevTokens.worker(A)).get("/api/tasks/" + taskB).then().statusCode(404);
        given().auth().oauth2(DevTokens.worker(A)).get("/api/tasks?organisationId=" + station + "&size=100")
                .then().statusCode(200).body("items.id", not(hasItem(taskB)));

        // a token naming a community the organisation does not serve reaches nothing there
        String elsewhere = DevTokens.partner(A, station, List.of("elsewhere"));
        given().auth().oauth2(elsewhere).get("/api/tasks/" + taskB).then().statusCode(404);
    }

    @Test
    void aPartnerServingBothCommunitiesListsAndReportsThePatrolsOfBoth() {
        String point = "culvert-" + station;
        given().auth().oauth2(DevTokens.worker(B)).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "青年湖涵洞", "building": "%s", "kind": "DRAIN",
                         "warningTypes": ["rainstorm"], "organisation": "%s"}""".formatted(point, buildingB, station))
                .post("/api/risk-points").then().statusCode(201);
        String patrol = given().auth().oauth2(DevTokens.worker(B)).contentType(ContentType.JSON)
                .body("{\"type\": \"rainstorm\", \"level\": \"yellow\", \"until\": \""
                        + Instant.now().plusSeconds(6 * 3600) + "\"}")
                .post("/api/warnings").then().statusCode(201).extract().jsonPath()
                .getString("patrols.find { it.riskPointId == '%s' }.id".formatted(point));
        assertThat(patrol).isNotNull();

        String both = DevTokens.partner(A, station, List.of(B));
        given().auth().oauth2(both).queryParam("size", 100).get("/api/patrols").then().statusCode(200)
                .body("items.id", hasItem(patrol)).body("items.organisationId", everyItem(equalTo(station)))
                .body("items.find { it.id == '%s' }.community.id".formatted(patrol), equalTo(B))
                .body("items.find { it.id == '%s' }.community.name".formatted(patrol), equalTo("青年湖社区"))
                .body("items.find { it.id == '%s' }.community.nameEn".formatted(patrol),
                        equalTo("Qingnianhu community"));
        given().auth().oauth2(both).contentType(ContentType.JSON)
                .body("{\"checks\": [{\"position\": 0, \"result\": \"OK\"}]}")
                .post("/api/patrols/" + patrol + "/report").then().statusCode(200)
                .body("checkpointsDone", equalTo(1)).body("community.id", equalTo(B))
                .body("community.name", equalTo("青年湖社区"));

        // a token of A alone: B's patrol is neither listed nor reported on
        String onlyA = DevTokens.partner(A, station);
        given().auth().oauth2(onlyA).queryParam("size", 100).get("/api/patrols").then().statusCode(200)
                .body("items.id", not(hasItem(patrol)));
        given().auth().oauth2(onlyA).contentType(ContentType.JSON)
                .body("{\"checks\": [{\"position\": 0, \"result\": \"OK\"}]}")
                .post("/api/patrols/" + patrol + "/report").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void eachCommunitysRegistrationIsItsOwnAndRemovingItFromOneLeavesTheOther() {
        // B replaces its registration: A's name, coverage and contacts are untouched
        given().auth().oauth2(DevTokens.worker(B)).contentType(ContentType.JSON)
                .body(body(station, "青年湖警务站", buildingB, "赵警官")).put("/api/organisations/" + station)
                .then().statusCode(200).body("contacts[0].name", equalTo("赵警官"));
        given().auth().oauth2(DevTokens.worker(A)).get("/api/organisations/" + station).then().statusCode(200)
                .body("name", equalTo("和平里派出所")).body("buildings", equalTo(List.of(buildingA)))
                .body("contacts[0].name", equalTo("李警官"));
        // the same id again in the same community is still 409
        register(DevTokens.worker(B), station, "青年湖警务站", buildingB, "王警官").then().statusCode(409)
                .contentType("application/problem+json");

        // an open task in B: removal from B is refused
        String inB = UUID.randomUUID().toString();
        submit(B, inB, buildingB);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                Fixtures.count("select count(*) from task where request_id = '" + inB + "'") >= 1);
        String taskB = Fixtures.taskOf(inB, station);
        given().auth().oauth2(DevTokens.worker(B)).delete("/api/organisations/" + station).then().statusCode(409);
        given().auth().oauth2(DevTokens.worker(B)).contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + taskB + "/acknowledge").then().statusCode(200);
        given().auth().oauth2(DevTokens.worker(B)).contentType(ContentType.JSON).body("{\"note\": \"done\"}")
                .post("/api/tasks/" + taskB + "/complete").then().statusCode(200);
        // B's figures are B's: its one task, completed
        given().auth().oauth2(DevTokens.worker(B)).get("/api/organisations/" + station + "/performance")
                .then().statusCode(200).body("tasks", equalTo(1)).body("completed", equalTo(1));

        for (String rule : Fixtures.texts("select id::text from routing_rule where community_id = '" + B
                + "' and lead = '" + station + "'")) {
            given().auth().oauth2(DevTokens.worker(B)).delete("/api/routing-rules/" + rule).then().statusCode(204);
        }
        given().auth().oauth2(DevTokens.worker(B)).delete("/api/organisations/" + station).then().statusCode(204);
        given().auth().oauth2(DevTokens.worker(B)).get("/api/organisations/" + station).then().statusCode(404);
        given().auth().oauth2(DevTokens.worker(A)).get("/api/organisations/" + station).then().statusCode(200)
                .body("contacts[0].name", equalTo("李警官")).body("rota.size()", equalTo(1));
        given().auth().oauth2(DevTokens.worker(A)).get("/api/routing-rules").then().statusCode(200)
                .body("lead", hasItem(station));

        // no longer serving B, the partner's token of both sees B's (closed) task no more
        given().auth().oauth2(DevTokens.partner(A, station, List.of(B))).get("/api/tasks/" + taskB)
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.partner(A, station, List.of(B))).get("/api/partners/me/tasks?size=100")
                .then().statusCode(200).body("items.id", not(hasItem(taskB)));
        given().auth().oauth2(DevTokens.partner(A, station, List.of(B))).get("/api/cases/" + inB)
                .then().statusCode(404);
    }

    private static String body(String id, String name, String building, String officer) {
        return """
                {"id": "%s", "name": "%s", "nameEn": "Police station", "type": "POLICE", "buildings": ["%s"],
                 "categories": [], "contacts": [{"name": "%s", "role": "officer", "phone": "010-6420-0110"}],
                 "rota": [{"dayOfWeek": 1, "starts": "08:00", "ends": "18:00", "contact": "%s", "backup": "%s"}]}"""
                .formatted(id, name, building, officer, officer, officer);
    }

    private static io.restassured.response.Response register(String token, String id, String name, String building,
            String officer) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(id, name, building, officer))
                .post("/api/organisations");
    }

    /** The station leads neighbour disputes at the building, ahead of any other rule. */
    private void rule(String token, String building) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                        {"category": "neighbour-dispute", "buildings": ["%s"], "lead": "%s", "supporting": [],
                         "priority": 1000}""".formatted(building, station))
                .post("/api/routing-rules").then().statusCode(201);
    }

    private static void submit(String community, String requestId, String building) {
        Instant now = Instant.now();
        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(), Fixtures.SUBMITTED,
                Fixtures.submitted(requestId, "neighbour-dispute", building, now.plusSeconds(1800),
                        now.plusSeconds(7200)).replace("\"communityId\": \"hepingli\"",
                        "\"communityId\": \"" + community + "\""));
    }
}
