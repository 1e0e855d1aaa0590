package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.gongzhi.system.SystemProbes.allWeek;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.gongzhi.devstack.SseClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One deployment serves many communities (issue 23). A second community, set up inside the test through the APIs with
 * its own tokens, works as usual; to the demo community's callers each of its things is 404 (never 403, never the
 * data), and their lists, searches, dashboards, inboxes and live stream never carry it — nor the reverse.
 */
class CommunityIsolationIT {
    private static final LocalSystem SYSTEM = SystemUnderTest.get();
    private static final String REQUESTS = SYSTEM.url(Service.REQUEST).toString();
    private static final String ALLIANCE = SYSTEM.url(Service.ALLIANCE).toString();
    private static final String VOLUNTEERS = SYSTEM.url(Service.VOLUNTEER).toString();
    private static final String BOARD = SYSTEM.url(Service.NOTIFICATION).toString();

    /** Community B, new for each run; community A is the demo's (和平里, {@link DevTokens#COMMUNITY}). */
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String B = "qingnianhu-" + SUFFIX;
    private static final String B_BUILDING = "Q" + SUFFIX;
    private static final String B_ORG = "qnh-property-" + SUFFIX;
    private static final String B_TEAM = "qnh-" + SUFFIX;
    private static final String B_VOLUNTEER = "vq-" + SUFFIX;
    /** The same person's subject in both communities' tokens: only the community claim tells them apart. */
    private static final String RESIDENT = "resident-both-" + SUFFIX;
    private static final String ERRAND_KEY = "errand-" + SUFFIX;

    private static String leakB;
    private static String errandB;
    private static String taskB;
    private static String ruleB;
    private static String offerB;
    private static String topicB;
    private static String hookB;
    private static String leakA;
    private static String taskA;

    @BeforeAll
    static void communityBIsSetUpThroughTheApisAndARequestFlowsAsUsual() {
        String worker = DevTokens.worker(B);
        as(REQUESTS, worker).body("""
                {"code": "%s", "name": "青年湖%s号楼", "floors": 6, "gridX": 10, "gridY": 10,
                 "units": [{"code": "1", "households": [{"code": "101", "floorArea": 60},
                                                         {"code": "102", "floorArea": 72}]}]}"""
                .formatted(B_BUILDING, B_BUILDING)).post("/api/estate/buildings").then().statusCode(201);

        // the alliance and the volunteers take the building once the registry's record reaches them
        await().atMost(Duration.ofSeconds(30)).until(() -> as(ALLIANCE, worker).body("""
                {"id": "%s", "name": "青年湖物业", "type": "PROPERTY_MANAGEMENT", "buildings": ["%s"],
                 "categories": ["water-leak"], "contacts": [], "rota": []}""".formatted(B_ORG, B_BUILDING))
                .post("/api/organisations").then().extract().statusCode() == 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response rule = as(ALLIANCE, worker).body("""
                    {"category": "water-leak", "buildings": ["%s"], "lead": "%s", "supporting": [], "priority": 90}"""
                    .formatted(B_BUILDING, B_ORG)).post("/api/routing-rules");
            ruleB = rule.statusCode() == 201 ? rule.path("id") : null;
            return ruleB != null;
        });
        as(VOLUNTEERS, worker).body("""
                {"id": "%s", "name": "青年湖志愿服务队"}""".formatted(B_TEAM)).post("/api/teams").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(VOLUNTEERS, worker).body("""
                {"id": "%s", "name": "青年湖志愿者", "team": "%s", "building": "%s", "skills": ["errands"],
                 "availability": [%s], "maxTasksPerWeek": 5}""".formatted(B_VOLUNTEER, B_TEAM, B_BUILDING, allWeek()))
                .post("/api/volunteers").then().extract().statusCode() == 201);

        String resident = DevTokens.resident(B, RESIDENT);
        leakB = as(REQUESTS, resident).body("""
                {"category": "water-leak", "description": "青年湖 %s 厨房漏水", "building": "%s", "unit": "1",
                 "household": "101"}""".formatted(SUFFIX, B_BUILDING))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        errandB = as(REQUESTS, resident).header("Idempotency-Key", ERRAND_KEY).body(errand())
                .post("/api/requests").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> as(REQUESTS, worker).get("/api/requests/" + leakB)
                .then().statusCode(200).body("status", equalTo("ASSIGNED"))
                .body("tasks.find { it.role == 'LEAD' }.organisationId", equalTo(B_ORG)));
        taskB = as(ALLIANCE, worker).queryParam("requestId", leakB).get("/api/tasks").then().statusCode(200)
                .extract().path("items.find { it.role == 'LEAD' }.id");
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> as(VOLUNTEERS,
                DevTokens.volunteer(B, B_VOLUNTEER)).get("/api/volunteers/me/offers").then().statusCode(200)
                .body("requestId", hasItem(errandB)));
        offerB = as(VOLUNTEERS, DevTokens.volunteer(B, B_VOLUNTEER)).get("/api/volunteers/me/offers").then()
                .extract().path("find { it.requestId == '%s' }.id".formatted(errandB));
        topicB = as(REQUESTS, worker).body("""
                {"title": "青年湖 %s 夜间停车", "description": "北侧空地能否划车位", "buildings": ["%s"]}"""
                .formatted(SUFFIX, B_BUILDING)).post("/api/deliberation/topics").then().statusCode(201)
                .extract().path("id");
        hookB = as(BOARD, DevTokens.partner(B, B_ORG)).body(Map.of("url", SYSTEM.partner().url().toString(),
                "eventTypes", List.of("gongzhi.task.assigned.v1"))).post("/api/webhooks").then().statusCode(201)
                .extract().path("id");

        // community A's own request, for the reverse direction
        leakA = as(REQUESTS, DevTokens.worker()).body("""
                {"category": "water-leak", "description": "和平里 %s 水管漏水", "building": "7", "unit": "2",
                 "household": "301", "channel": "phone"}""".formatted(SUFFIX))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(45)).until(() -> as(ALLIANCE, DevTokens.worker())
                .queryParam("requestId", leakA).get("/api/tasks").then().extract().<Integer>path("total") > 0);
        taskA = as(ALLIANCE, DevTokens.worker()).queryParam("requestId", leakA).get("/api/tasks").then()
                .extract().path("items[0].id");
    }

    @Test
    void anotherCommunitysRequestIsNotFoundAndNeverListed() {
        String worker = DevTokens.worker();
        notFound(as(REQUESTS, worker).get("/api/requests/" + leakB));
        notFound(as(REQUESTS, worker).get("/api/requests/" + leakB + "/timeline"));
        notFound(as(REQUESTS, worker).get("/api/requests/" + leakB + "/contact"));
        notFound(as(REQUESTS, worker).body(Map.of("text", "看看")).post("/api/requests/" + leakB + "/acknowledge"));
        notFound(as(REQUESTS, worker).body(Map.of("text", "不受理")).post("/api/requests/" + leakB + "/reject"));
        notFound(as(REQUESTS, worker).body(Map.of("text", "撤回")).post("/api/requests/" + leakB + "/withdraw"));
        notFound(as(REQUESTS, worker).body(Map.of("text", "备注")).post("/api/requests/" + leakB + "/notes"));
        notFound(as(REQUESTS, worker).body(Map.of("method", "phone", "solved", true, "satisfied", true))
                .post("/api/requests/" + leakB + "/follow-ups"));
        as(REQUESTS, worker).queryParam("q", SUFFIX).get("/api/requests").then().statusCode(200)
                .body("items.id", not(hasItem(leakB))).body("items.id", hasItem(leakA));
        // the same person with a token of community A: neither the request nor their list shows it
        String sameResident = DevTokens.resident(RESIDENT);
        notFound(as(REQUESTS, sameResident).get("/api/requests/" + leakB));
        as(REQUESTS, sameResident).get("/api/requests").then().statusCode(200).body("items.id", not(hasItem(leakB)));
        notFound(as(REQUESTS, DevTokens.partner("property")).get("/api/requests/" + leakB));
        // the public Open311 view is the deployment's own community's
        given().baseUri(REQUESTS).get("/open311/v2/requests/" + leakB + ".json").then().statusCode(404);

        // a read of B's resident's contact is in B's audit log, not in A's
        as(REQUESTS, DevTokens.worker(B)).queryParam("reason", "回访").get("/api/requests/" + leakB + "/contact")
                .then().statusCode(200);
        as(REQUESTS, DevTokens.token(B, "admin", "admin-" + B, Map.of())).get("/api/audit").then().statusCode(200)
                .body("requestId", hasItem(leakB));
        as(REQUESTS, DevTokens.admin()).queryParam("size", 500).get("/api/audit").then().statusCode(200)
                .body("requestId", not(hasItem(leakB)));

        // and the reverse: B's worker finds nothing of A's, and B's search holds only B's requests
        notFound(as(REQUESTS, DevTokens.worker(B)).get("/api/requests/" + leakA));
        as(REQUESTS, DevTokens.worker(B)).queryParam("size", 100).get("/api/requests").then().statusCode(200)
                .body("items.id", hasItem(leakB)).body("items.building", everyItem(equalTo(B_BUILDING)));
    }

    @Test
    void aSubmissionReplayedWithTheSameKeyInAnotherCommunityIsNotTheOtherCommunitysRequest() {
        // the same person, the same Idempotency-Key and body, but a token of community A: the building is not A's
        as(REQUESTS, DevTokens.resident(RESIDENT)).header("Idempotency-Key", ERRAND_KEY).body(errand())
                .post("/api/requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("building"));
    }

    @Test
    void aBuildingOnlyAnotherCommunityHasIsRefusedNamingTheField() {
        String worker = DevTokens.worker();
        as(REQUESTS, worker).body("""
                {"category": "water-leak", "description": "漏水", "building": "%s", "unit": "1", "household": "101"}"""
                .formatted(B_BUILDING)).post("/api/requests").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("building"));
        as(ALLIANCE, worker).body("""
                {"category": "water-leak", "buildings": ["%s"], "lead": "property", "supporting": [], "priority": 1}"""
                .formatted(B_BUILDING)).post("/api/routing-rules").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("buildings[0]"));
        as(VOLUNTEERS, worker).body("""
                {"id": "va-%s", "name": "志愿者", "team": "6070", "building": "%s", "skills": ["errands"],
                 "availability": [%s], "maxTasksPerWeek": 5}""".formatted(SUFFIX, B_BUILDING, allWeek()))
                .post("/api/volunteers").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("building"));
        as(VOLUNTEERS, worker).get("/api/buildings").then().statusCode(200).body("code", not(hasItem(B_BUILDING)))
                .body("code", hasItem("7"));
        as(VOLUNTEERS, DevTokens.worker(B)).get("/api/buildings").then().statusCode(200)
                .body("code", equalTo(List.of(B_BUILDING)));
        as(REQUESTS, worker).body(Map.of("title", "停车", "description", "划车位", "buildings", List.of(B_BUILDING)))
                .post("/api/deliberation/topics").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anotherCommunitysTasksCasesOrganisationsAndRulesAreNotFound() {
        String worker = DevTokens.worker();
        notFound(as(ALLIANCE, worker).get("/api/tasks/" + taskB));
        notFound(as(ALLIANCE, worker).body(Map.of("note", "收到")).post("/api/tasks/" + taskB + "/acknowledge"));
        notFound(as(ALLIANCE, worker).body(Map.of("note", "好了")).post("/api/tasks/" + taskB + "/complete"));
        notFound(as(ALLIANCE, worker).body(Map.of("organisationId", "property", "reason", "换人"))
                .post("/api/tasks/" + taskB + "/reassign"));
        notFound(as(ALLIANCE, worker).get("/api/cases/" + leakB));
        notFound(as(ALLIANCE, worker).body(Map.of("organisationId", "property", "role", "SUPPORT", "reason", "协助"))
                .post("/api/cases/" + leakB + "/responders"));
        as(ALLIANCE, worker).queryParam("requestId", leakB).get("/api/tasks").then().statusCode(200)
                .body("total", equalTo(0));
        notFound(as(ALLIANCE, DevTokens.partner("property")).get("/api/tasks/" + taskB));
        as(ALLIANCE, DevTokens.partner("property")).get("/api/partners/me/tasks").then().statusCode(200)
                .body("items.id", not(hasItem(taskB)));

        notFound(as(ALLIANCE, worker).get("/api/organisations/" + B_ORG));
        notFound(as(ALLIANCE, worker).get("/api/organisations/" + B_ORG + "/performance"));
        notFound(as(ALLIANCE, worker).delete("/api/organisations/" + B_ORG));
        as(ALLIANCE, worker).get("/api/organisations").then().statusCode(200).body("id", not(hasItem(B_ORG)));
        as(ALLIANCE, worker).get("/api/routing-rules").then().statusCode(200).body("id", not(hasItem(ruleB)));
        notFound(as(ALLIANCE, worker).delete("/api/routing-rules/" + ruleB));
        // A's task cannot be handed to B's organisation: to A it does not exist
        as(ALLIANCE, worker).body(Map.of("organisationId", B_ORG, "reason", "换人"))
                .post("/api/tasks/" + taskA + "/reassign").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("organisationId"));

        // B's own see them; and the reverse
        as(ALLIANCE, DevTokens.partner(B, B_ORG)).get("/api/tasks/" + taskB).then().statusCode(200);
        notFound(as(ALLIANCE, DevTokens.worker(B)).get("/api/tasks/" + taskA));
        notFound(as(ALLIANCE, DevTokens.worker(B)).get("/api/cases/" + leakA));
        as(ALLIANCE, DevTokens.worker(B)).get("/api/organisations").then().statusCode(200)
                .body("id", equalTo(List.of(B_ORG)));
    }

    /**
     * The water utility serves both communities: each community's worker registers it (the same id, 201 twice) and
     * brings it onto a request; one partner token carrying both communities sees, reads and completes the tasks of
     * both, each named by its community; a token of A alone sees nothing of B; removing it from B leaves A's.
     */
    @Test
    void aPartnerServingBothCommunitiesWorksTheTasksOfBothAndAPartnerOfOneSeesNothingOfTheOther() {
        String shared = "water-both-" + SUFFIX;
        String organisation = """
                {"id": "%s", "name": "自来水公司第三营业所", "nameEn": "Water utility, branch 3", "type": "UTILITY",
                 "buildings": [], "categories": [], "contacts": [], "rota": []}""".formatted(shared);
        as(ALLIANCE, DevTokens.worker()).body(organisation).post("/api/organisations").then().statusCode(201);
        as(ALLIANCE, DevTokens.worker(B)).body(organisation).post("/api/organisations").then().statusCode(201);
        as(ALLIANCE, DevTokens.worker(B)).body(organisation).post("/api/organisations").then().statusCode(409)
                .contentType("application/problem+json");

        String requestA = as(REQUESTS, DevTokens.worker()).body("""
                {"category": "water-leak", "description": "和平里 %s 主管道漏水", "building": "9", "unit": "1",
                 "household": "101", "channel": "phone"}""".formatted(SUFFIX))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        String requestB = as(REQUESTS, DevTokens.worker(B)).body("""
                {"category": "water-leak", "description": "青年湖 %s 主管道漏水", "building": "%s", "unit": "1",
                 "household": "102", "channel": "phone"}""".formatted(SUFFIX, B_BUILDING))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        String inA = responder(DevTokens.worker(), requestA, shared);
        String inB = responder(DevTokens.worker(B), requestB, shared);

        String both = DevTokens.partner(DevTokens.COMMUNITY, shared, List.of(B));
        as(ALLIANCE, both).queryParam("size", 100).get("/api/partners/me/tasks").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems(inA, inB))
                .body("items.find { it.id == '%s' }.community.id".formatted(inB), equalTo(B))
                .body("items.find { it.id == '%s' }.community.id".formatted(inA), equalTo(DevTokens.COMMUNITY))
                .body("items.find { it.id == '%s' }.community.name".formatted(inA), equalTo("和平里社区"));
        // it reads B's request it is on, and works B's task and A's
        as(REQUESTS, both).get("/api/requests/" + requestB).then().statusCode(200);
        as(ALLIANCE, both).body(Map.of("note", "抢修队出发")).post("/api/tasks/" + inB + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        as(ALLIANCE, both).body(Map.of("note", "抢修队出发")).post("/api/tasks/" + inA + "/acknowledge").then()
                .statusCode(200);

        // a partner token of A alone (as every token before): nothing of B
        String onlyA = DevTokens.partner(DevTokens.COMMUNITY, shared);
        as(ALLIANCE, onlyA).queryParam("size", 100).get("/api/partners/me/tasks").then().statusCode(200)
                .body("items.id", hasItem(inA)).body("items.id", not(hasItem(inB)));
        notFound(as(ALLIANCE, onlyA).get("/api/tasks/" + inB));
        notFound(as(ALLIANCE, onlyA).body(Map.of("note", "好了")).post("/api/tasks/" + inB + "/complete"));
        notFound(as(REQUESTS, onlyA).get("/api/requests/" + requestB));
        // and A's worker never B's task, however the organisation serves both
        notFound(as(ALLIANCE, DevTokens.worker()).get("/api/tasks/" + inB));

        // B may not remove it while B's task is open; then it may, and A's registration and task stay
        as(ALLIANCE, DevTokens.worker(B)).delete("/api/organisations/" + shared).then().statusCode(409);
        as(ALLIANCE, both).body(Map.of("note", "已修复")).post("/api/tasks/" + inB + "/complete").then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
        as(ALLIANCE, DevTokens.worker(B)).delete("/api/organisations/" + shared).then().statusCode(204);
        as(ALLIANCE, DevTokens.worker()).get("/api/organisations/" + shared).then().statusCode(200);
        as(ALLIANCE, both).body(Map.of("note", "已修复")).post("/api/tasks/" + inA + "/complete").then()
                .statusCode(200);
    }

    /** A worker brings the organisation onto the request once the alliance has its case; answers the new task's id. */
    private static String responder(String worker, String requestId, String organisationId) {
        await().atMost(Duration.ofSeconds(45)).until(() -> as(ALLIANCE, worker).queryParam("requestId", requestId)
                .get("/api/tasks").then().extract().<Integer>path("total") > 0);
        return as(ALLIANCE, worker).body(Map.of("organisationId", organisationId, "role", "SUPPORT",
                "reason", "供水主管道")).post("/api/cases/" + requestId + "/responders").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void anotherCommunitysOffersVolunteersAndTeamsAreNotFound() {
        String worker = DevTokens.worker();
        notFound(as(VOLUNTEERS, worker).get("/api/matchings/" + errandB));
        notFound(as(VOLUNTEERS, DevTokens.volunteer("v6070-01")).post("/api/offers/" + offerB + "/accept"));
        notFound(as(VOLUNTEERS, DevTokens.volunteer("v6070-01")).post("/api/offers/" + offerB + "/decline"));
        // a token of A that names B's volunteer (or B's organisation) does not reach them
        String misnamedVolunteer = DevTokens.volunteer(DevTokens.COMMUNITY, B_VOLUNTEER);
        notFound(as(VOLUNTEERS, misnamedVolunteer).get("/api/volunteers/me/offers"));
        notFound(as(VOLUNTEERS, misnamedVolunteer).post("/api/offers/" + offerB + "/accept"));
        notFound(as(REQUESTS, misnamedVolunteer).get("/api/requests/" + errandB + "/errand"));
        String misnamedPartner = DevTokens.partner(DevTokens.COMMUNITY, B_ORG);
        notFound(as(ALLIANCE, misnamedPartner).get("/api/tasks/" + taskB));
        notFound(as(REQUESTS, misnamedPartner).get("/api/requests/" + leakB));
        notFound(as(BOARD, misnamedPartner).get("/api/webhooks/" + hookB));
        notFound(as(REQUESTS, DevTokens.volunteer("v6070-01")).get("/api/requests/" + errandB + "/errand"));
        notFound(as(VOLUNTEERS, worker).body(Map.of("skills", List.of("errands"))).patch("/api/volunteers/" + B_VOLUNTEER));
        notFound(as(VOLUNTEERS, worker).get("/api/teams/" + B_TEAM + "/stats"));
        as(VOLUNTEERS, worker).get("/api/volunteers").then().statusCode(200).body("id", not(hasItem(B_VOLUNTEER)));
        as(VOLUNTEERS, worker).get("/api/teams").then().statusCode(200).body("id", not(hasItem(B_TEAM)));
        // B's errand goes to B's volunteer, and B's volunteer sees it; B's worker sees only B's volunteers
        as(REQUESTS, DevTokens.volunteer(B, B_VOLUNTEER)).get("/api/requests/" + errandB + "/errand").then()
                .statusCode(200);
        as(VOLUNTEERS, DevTokens.worker(B)).get("/api/volunteers").then().statusCode(200)
                .body("id", equalTo(List.of(B_VOLUNTEER)));
    }

    @Test
    void anotherCommunitysWarningsPatrolsRiskPointsHouseholdsAndActivitiesAreNotFound() {
        String workerB = DevTokens.worker(B);
        String riskPoint = "qnh-garage-" + SUFFIX;
        as(ALLIANCE, workerB).body(Map.of("id", riskPoint, "name", "青年湖地下车库", "building", B_BUILDING,
                "kind", "garage", "warningTypes", List.of("rainstorm"), "organisation", B_ORG,
                "checklist", List.of("排水口"))).post("/api/risk-points").then().statusCode(201);
        var warning = as(ALLIANCE, workerB).body(Map.of("type", "rainstorm", "level", "orange",
                "until", java.time.Instant.now().plus(Duration.ofHours(6)).toString())).post("/api/warnings").then()
                .statusCode(201).extract().jsonPath();
        String warningB = warning.getString("id");
        String patrolB = warning.getString("patrols.find { it.riskPointId == '%s' }.id".formatted(riskPoint));
        String household = as(VOLUNTEERS, workerB).body(Map.of("building", B_BUILDING, "unit", "1", "door", "101",
                "need", "ELDERLY_ALONE")).post("/api/households").then().statusCode(201).extract().path("id");
        String activity = as(VOLUNTEERS, workerB).body(Map.of("title", "青年湖清扫", "kind", "CLEAN_UP",
                "building", B_BUILDING, "startsAt", java.time.Instant.now().plus(Duration.ofDays(2)).toString(),
                "hours", 2, "capacity", 5, "repeatWeeks", 0)).post("/api/teams/" + B_TEAM + "/activities").then()
                .statusCode(201).extract().path("[0].id");
        try {
            String worker = DevTokens.worker();
            notFound(as(ALLIANCE, worker).get("/api/warnings/" + warningB));
            notFound(as(ALLIANCE, worker).body(Map.of("reason", "雨停了")).post("/api/warnings/" + warningB + "/lift"));
            as(ALLIANCE, worker).get("/api/warnings").then().statusCode(200).body(not(containsString(warningB)));
            as(ALLIANCE, worker).get("/api/patrols").then().statusCode(200).body(not(containsString(patrolB)));
            notFound(as(ALLIANCE, DevTokens.partner("property")).body(Map.of("checks",
                    List.of(Map.of("position", 0, "result", "OK")))).post("/api/patrols/" + patrolB + "/report"));
            as(ALLIANCE, worker).get("/api/risk-points").then().statusCode(200).body("id", not(hasItem(riskPoint)));
            // A cannot name B's organisation or building for a risk point of its own
            as(ALLIANCE, worker).body(Map.of("id", "a-" + riskPoint, "name", "车库", "kind", "garage",
                    "warningTypes", List.of("rainstorm"), "organisation", B_ORG)).post("/api/risk-points").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("organisation"));
            as(ALLIANCE, worker).body(Map.of("id", "a-" + riskPoint, "name", "车库", "building", B_BUILDING,
                    "kind", "garage", "warningTypes", List.of("rainstorm"), "organisation", "property"))
                    .post("/api/risk-points").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("building"));
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> as(BOARD, workerB)
                    .get("/api/dashboard/warnings").then().statusCode(200).body("id", hasItem(warningB)));
            as(BOARD, worker).get("/api/dashboard/warnings").then().statusCode(200)
                    .body("id", not(hasItem(warningB)));

            as(VOLUNTEERS, worker).get("/api/warnings/" + warningB + "/visits").then().statusCode(200)
                    .body("size()", equalTo(0));
            notFound(as(VOLUNTEERS, worker).delete("/api/households/" + household));
            as(VOLUNTEERS, worker).get("/api/households").then().statusCode(200).body(not(containsString(household)));
            notFound(as(VOLUNTEERS, DevTokens.volunteer("v6070-01")).post("/api/activities/" + activity
                    + "/sign-ups"));
            as(VOLUNTEERS, worker).get("/api/activities").then().statusCode(200).body("id", not(hasItem(activity)));
            as(VOLUNTEERS, DevTokens.volunteer(B, B_VOLUNTEER)).get("/api/activities").then().statusCode(200)
                    .body("id", hasItem(activity));

            // B's estate is not A's to change
            notFound(as(REQUESTS, worker).delete("/api/estate/buildings/" + B_BUILDING));
            as(REQUESTS, worker).get("/api/estate/buildings").then().statusCode(200)
                    .body("code", not(hasItem(B_BUILDING)));
        } finally {
            as(ALLIANCE, workerB).body(Map.of("reason", "雨停了")).post("/api/warnings/" + warningB + "/lift")
                    .then().statusCode(200);
        }
    }

    @Test
    void anotherCommunitysDeliberationTopicIsNotFound() {
        String worker = DevTokens.worker();
        notFound(as(REQUESTS, worker).get("/api/deliberation/topics/" + topicB));
        notFound(as(REQUESTS, worker).get("/api/deliberation/topics/" + topicB + "/comments"));
        notFound(as(REQUESTS, worker).body(Map.of("text", "同意")).post("/api/deliberation/topics/" + topicB
                + "/comments"));
        notFound(as(REQUESTS, DevTokens.resident(RESIDENT)).post("/api/deliberation/topics/" + topicB + "/support"));
        as(REQUESTS, worker).queryParam("size", 100).get("/api/deliberation/topics").then().statusCode(200)
                .body("items.id", not(hasItem(topicB)));
        as(REQUESTS, DevTokens.worker(B)).get("/api/deliberation/topics").then().statusCode(200)
                .body("items.id", equalTo(List.of(topicB)));
        String vote = as(REQUESTS, DevTokens.worker(B)).body(Map.of("question", "是否划线停车", "options",
                List.of("approve", "reject"), "rule", "SIMPLE_MAJORITY", "closesAt",
                java.time.Instant.now().plus(Duration.ofDays(7)).toString()))
                .post("/api/deliberation/topics/" + topicB + "/votes").then().statusCode(201).extract().path("vote.id");
        notFound(as(REQUESTS, worker).get("/api/deliberation/votes/" + vote));
        notFound(as(REQUESTS, worker).post("/api/deliberation/votes/" + vote + "/close"));
        notFound(as(REQUESTS, DevTokens.admin()).get("/api/deliberation/votes/" + vote + "/ballots"));
        notFound(as(REQUESTS, DevTokens.resident(RESIDENT)).body(Map.of("choice", "approve"))
                .post("/api/deliberation/votes/" + vote + "/ballots"));
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> as(BOARD, DevTokens.worker(B))
                .get("/api/dashboard/deliberation").then().statusCode(200).body(containsString(vote)));
        as(BOARD, worker).get("/api/dashboard/deliberation").then().statusCode(200).body(not(containsString(vote)))
                .body(not(containsString(topicB)));
    }

    @Test
    void anotherCommunitysHallMeetingsAndDueReturnVisitsAreNotFound() {
        String workerB = DevTokens.worker(B);
        String meeting = as(REQUESTS, workerB).body(Map.of("title", "青年湖议事会", "place", "青年湖居委会",
                "startsAt", java.time.Instant.now().plus(Duration.ofDays(3)).toString(), "topicIds", List.of(topicB)))
                .post("/api/deliberation/meetings").then().statusCode(201).extract().path("id");
        String worker = DevTokens.worker();
        as(REQUESTS, worker).get("/api/deliberation/meetings").then().statusCode(200)
                .body(not(containsString(meeting)));
        notFound(as(REQUESTS, DevTokens.resident(RESIDENT)).post("/api/deliberation/meetings/" + meeting
                + "/registrations"));
        notFound(as(REQUESTS, worker).body(Map.of("text", "纪要")).put("/api/deliberation/meetings/" + meeting
                + "/minutes"));
        // nor may A put B's topic on an agenda of its own
        notFound(as(REQUESTS, worker).body(Map.of("title", "议事会", "place", "居委会",
                "startsAt", java.time.Instant.now().plus(Duration.ofDays(3)).toString(), "topicIds", List.of(topicB)))
                .post("/api/deliberation/meetings"));

        // a request of B's resolved by B's organisation is due its return visit in B only
        String resolved = as(REQUESTS, DevTokens.resident(B, RESIDENT)).body("""
                {"category": "water-leak", "description": "青年湖 %s 阳台漏水", "building": "%s", "unit": "1",
                 "household": "101"}""".formatted(SUFFIX, B_BUILDING))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        String partnerB = DevTokens.partner(B, B_ORG);
        await().atMost(Duration.ofSeconds(45)).until(() -> as(ALLIANCE, workerB).queryParam("requestId", resolved)
                .get("/api/tasks").then().extract().<Integer>path("total") > 0);
        for (String task : as(ALLIANCE, workerB).queryParam("requestId", resolved).get("/api/tasks").then()
                .extract().jsonPath().getList("items.id", String.class)) {
            as(ALLIANCE, partnerB).body(Map.of("note", "收到")).post("/api/tasks/" + task + "/acknowledge").then()
                    .statusCode(200);
            as(ALLIANCE, partnerB).body(Map.of("note", "修好了")).post("/api/tasks/" + task + "/complete").then()
                    .statusCode(200);
        }
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> as(REQUESTS, workerB).get("/api/follow-ups/due")
                .then().statusCode(200).body("requestId", hasItem(resolved)));
        as(REQUESTS, worker).get("/api/follow-ups/due").then().statusCode(200).body("requestId", not(hasItem(resolved)));
        notFound(as(REQUESTS, worker).body(Map.of("method", "phone", "solved", true, "satisfied", true))
                .post("/api/requests/" + resolved + "/follow-ups"));
    }

    @Test
    void theDashboardAndTheRatesOfEachCommunityAreItsOwn() {
        String workerB = DevTokens.worker(B);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> as(BOARD, workerB).get("/api/dashboard/requests")
                .then().statusCode(200).body("items.id", hasItem(leakB)));
        as(BOARD, workerB).get("/api/dashboard/requests").then().body("items.id", not(hasItem(leakA)));
        as(BOARD, workerB).get("/api/dashboard/buildings").then().statusCode(200)
                .body("building", equalTo(List.of(B_BUILDING)));
        as(BOARD, workerB).get("/api/dashboard/rates").then().statusCode(200)
                // B has filed three requests in all (a leak, an errand, a leak resolved): the rates count no more
                .body("month.response.denominator", lessThanOrEqualTo(3))
                .body("parties.organisationId", not(hasItem("property")));
        as(BOARD, workerB).get("/api/dashboard/workload").then().statusCode(200)
                .body(not(containsString("\"property\"")));

        String worker = DevTokens.worker();
        as(BOARD, worker).queryParam("size", 500).get("/api/dashboard/requests").then().statusCode(200)
                .body("items.id", not(hasItem(leakB)));
        as(BOARD, worker).queryParam("size", 200).get("/api/dashboard/feed").then().statusCode(200)
                .body("requestId", not(hasItem(leakB)));
        as(BOARD, worker).get("/api/dashboard/buildings").then().statusCode(200)
                .body("building", not(hasItem(B_BUILDING)));
        as(BOARD, worker).get("/api/dashboard/rates").then().statusCode(200)
                .body("month.response.denominator", greaterThan(3))
                .body("parties.organisationId", not(hasItem(B_ORG)));
        as(BOARD, worker).get("/api/dashboard/deliberation").then().statusCode(200)
                .body(not(containsString(topicB)));
        as(BOARD, worker).get("/api/dashboard/workload").then().statusCode(200).body(not(containsString(B_ORG)));
    }

    @Test
    void anotherCommunitysNoticesAndWebhooksAreNotFound() {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> as(BOARD, DevTokens.resident(B, RESIDENT))
                .get("/api/notices/me").then().statusCode(200).body("items.requestId", hasItem(leakB)));
        // the same person signed in to community A: their inbox there holds none of B's notices
        as(BOARD, DevTokens.resident(RESIDENT)).get("/api/notices/me").then().statusCode(200)
                .body("items.requestId", not(hasItem(leakB)));

        String partner = DevTokens.partner("property");
        notFound(as(BOARD, partner).get("/api/webhooks/" + hookB));
        notFound(as(BOARD, partner).get("/api/webhooks/" + hookB + "/deliveries"));
        notFound(as(BOARD, partner).post("/api/webhooks/" + hookB + "/secret"));
        notFound(as(BOARD, partner).post("/api/webhooks/" + hookB + "/enable"));
        notFound(as(BOARD, partner).delete("/api/webhooks/" + hookB));
        notFound(as(BOARD, DevTokens.admin()).get("/api/webhooks/" + hookB));
        as(BOARD, partner).get("/api/webhooks").then().statusCode(200).body("id", not(hasItem(hookB)));
        as(BOARD, DevTokens.admin()).get("/api/webhooks").then().statusCode(200).body("id", not(hasItem(hookB)));
        as(BOARD, DevTokens.partner(B, B_ORG)).get("/api/webhooks/" + hookB).then().statusCode(200)
                .body("organisationId", equalTo(B_ORG));
    }

    @Test
    void eachCommunitysLiveStreamCarriesOnlyItsOwnEvents() {
        URI stream = SYSTEM.url(Service.NOTIFICATION).resolve("/api/stream");
        // A opens its stream with a ticket (as the dashboard page does), B with its bearer token
        String ticket = as(BOARD, DevTokens.worker()).post("/api/stream/tickets").then().statusCode(200)
                .extract().path("ticket");
        URI partnerFeed = SYSTEM.url(Service.ALLIANCE).resolve("/api/partners/me/feed");
        try (SseClient a = new SseClient(URI.create(stream + "?ticket=" + ticket), Map.of());
                SseClient b = new SseClient(stream, Map.of("Authorization", "Bearer " + DevTokens.worker(B)));
                // B's organisation's feed from its start, and the same organisation named in a token of A
                SseClient feedB = new SseClient(partnerFeed, Map.of("Authorization",
                        "Bearer " + DevTokens.partner(B, B_ORG), "Last-Event-ID", "0"));
                SseClient feedMisnamed = new SseClient(partnerFeed, Map.of("Authorization",
                        "Bearer " + DevTokens.partner(DevTokens.COMMUNITY, B_ORG), "Last-Event-ID", "0"))) {
            assertThat(a.status()).isEqualTo(200);
            assertThat(b.status()).isEqualTo(200);
            assertThat(feedB.status()).isEqualTo(200);
            assertThat(feedMisnamed.status()).isEqualTo(200);
            // B's request moves first, and B's stream shows it
            as(ALLIANCE, DevTokens.partner(B, B_ORG)).body(Map.of("note", "马上到")).post("/api/tasks/" + taskB
                    + "/acknowledge").then().statusCode(200);
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(data(b))
                    .anyMatch(d -> d.contains("gongzhi.task.status-changed.v1") && d.contains(leakB)));
            // then A's: once A's stream shows it, B's earlier event would have been there had it leaked
            String leak = as(REQUESTS, DevTokens.worker()).body("""
                    {"category": "water-leak", "description": "和平里 %s 又漏水", "building": "8",
                     "channel": "phone"}""".formatted(SUFFIX)).post("/api/requests").then().statusCode(201)
                    .extract().path("id");
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(data(a))
                    .anyMatch(d -> d.contains("gongzhi.request.submitted.v1") && d.contains(leak)));
            assertThat(data(a)).noneMatch(d -> d.contains(leakB) || d.contains(B_BUILDING) || d.contains(B_ORG));
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(data(feedB))
                    .anyMatch(d -> d.contains(taskB) && d.contains("ACKNOWLEDGED")));
            assertThat(data(feedMisnamed)).isEmpty();
            assertThat(data(b)).noneMatch(d -> d.contains(leak) || d.contains(leakA));
        }
    }

    private static String errand() {
        return """
                {"category": "shopping-help", "description": "青年湖 %s 帮忙买菜", "building": "%s", "unit": "1",
                 "household": "102"}""".formatted(SUFFIX, B_BUILDING);
    }

    private static RequestSpecification as(String base, String token) {
        return given().baseUri(base).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Not found, as problem+json: the other community's thing is not revealed (not 403, not its data). */
    private static void notFound(Response response) {
        response.then().statusCode(404).contentType("application/problem+json");
    }

    private static List<String> data(SseClient stream) {
        return stream.events().stream().map(SseClient.Event::data).toList();
    }
}
