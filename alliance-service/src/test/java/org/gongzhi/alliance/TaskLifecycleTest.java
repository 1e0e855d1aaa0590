package org.gongzhi.alliance;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partners work their tasks; the request resolves only when every party has completed. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class TaskLifecycleTest {

    @BeforeEach
    void alliance() {
        Fixtures.leakAlliance();
        Fixtures.organisation("office", "和平里社区居委会", "COMMUNITY_OFFICE");
        if (Fixtures.count("select count(*) from routing_rule where category in ('safety-risk', 'corridor-clutter')")
                == 0) {
            Fixtures.rule("safety-risk", List.of(), "police", List.of("property"), 10);
            // corridor clutter: property management first; if it declines, the police are next in line
            Fixtures.rule("corridor-clutter", List.of(), "property", List.of(), 10);
            Fixtures.rule("corridor-clutter", List.of(), "police", List.of(), 5);
        }
    }

    private static String submit(String category) {
        String requestId = UUID.randomUUID().toString();
        Fixtures.submit(requestId, category, "7", Instant.now().plusSeconds(3600), Instant.now().plusSeconds(86400));
        return requestId;
    }

    private static io.restassured.response.ValidatableResponse act(String org, String taskId, String action,
            String note) {
        return given().auth().oauth2(DevTokens.partner(org)).contentType(ContentType.JSON)
                .body(note == null ? "{}" : "{\"note\": \"" + note + "\"}")
                .post("/api/tasks/" + taskId + "/" + action).then();
    }

    @Test
    void aRequestNeedingPoliceAndPropertyResolvesOnlyWhenBothComplete() {
        String requestId = submit("safety-risk");
        Fixtures.awaitCase(requestId, 2);
        String police = Fixtures.taskOf(requestId, "police");
        String property = Fixtures.taskOf(requestId, "property");

        act("property", property, "acknowledge", "on our way").statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        act("property", property, "progress", "fence put up").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        act("property", property, "complete", "loose tiles removed").statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completedAt", notNullValue());
        given().auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId)
                .then().statusCode(200).body("status", equalTo("OPEN"));
        assertThat(Fixtures.count("select count(*) from outbox_event where event_key = '" + requestId
                + "' and event_type = 'gongzhi.case.resolved.v1'")).isZero();

        act("police", police, "acknowledge", null).statusCode(200);
        act("police", police, "complete", "area secured").statusCode(200);

        given().auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId)
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("tasks.status",
                        everyItem(equalTo("COMPLETED")));
        var events = KafkaProbe.records(Topics.TASKS, requestId, found -> found.stream()
                .anyMatch(r -> "gongzhi.case.resolved.v1".equals(KafkaProbe.header(r, "ce_type"))));
        List<String> types = events.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList();
        assertThat(types).containsSubsequence("gongzhi.task.assigned.v1", "gongzhi.task.status-changed.v1",
                "gongzhi.case.resolved.v1");
        assertThat(types.stream().filter("gongzhi.task.status-changed.v1"::equals)).hasSize(5);
        assertThat(types.stream().filter("gongzhi.case.resolved.v1"::equals)).hasSize(1);
        assertThat(events.get(events.size() - 1).value()).contains("\"tasks\":2");
    }

    @Test
    void anotherOrganisationsTaskIsNotFoundAndCannotBeActedOn() {
        String requestId = submit("safety-risk");
        Fixtures.awaitCase(requestId, 2);
        String property = Fixtures.taskOf(requestId, "property");

        given().auth().oauth2(DevTokens.partner("police")).get("/api/tasks/" + property)
                .then().statusCode(404).contentType("application/problem+json");
        act("police", property, "acknowledge", null).statusCode(404).contentType("application/problem+json");
        act("police", property, "decline", "not ours").statusCode(404);
        given().auth().oauth2(DevTokens.partner("property")).get("/api/tasks/" + property)
                .then().statusCode(200).body("organisationId", equalTo("property"));
        given().auth().oauth2(DevTokens.partner("police")).get("/api/partners/me/tasks?size=100")
                .then().statusCode(200).body("items.organisationId", everyItem(equalTo("police")));
        given().auth().oauth2(DevTokens.volunteer("v-1")).get("/api/partners/me/tasks")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.resident("r-1")).post("/api/tasks/" + property + "/acknowledge")
                .then().statusCode(403);
        assertThat(Fixtures.text("select status from task where id = '" + property + "'")).isEqualTo("ASSIGNED");
    }

    @Test
    void aTaskListAsksOnlyForStatusesAndRolesThatExist() {
        // UNKNOWN stands for a value from a newer alliance, never stored: asking for it is a mistake, not an empty page
        for (String query : new String[] {"status=UNKNOWN", "status=assigned", "role=UNKNOWN"}) {
            given().auth().oauth2(DevTokens.worker()).get("/api/tasks?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("is not one of"))
                    .body("detail", not(containsString("UNKNOWN, ")));
        }
        given().auth().oauth2(DevTokens.worker()).get("/api/tasks?status=ASSIGNED&role=LEAD").then().statusCode(200);
    }

    @Test
    void aStepInTheWrongStateIs409AndChangesNothing() {
        String requestId = submit("safety-risk");
        Fixtures.awaitCase(requestId, 2);
        String police = Fixtures.taskOf(requestId, "police");

        act("police", police, "complete", "done?").statusCode(409).contentType("application/problem+json");
        act("police", police, "acknowledge", null).statusCode(200);
        act("police", police, "acknowledge", null).statusCode(409);
        act("police", police, "decline", null).statusCode(400).body("errors.field", hasItem("note"));
        act("police", police, "progress", "patrol car sent").statusCode(200);
        act("police", police, "decline", "too busy").statusCode(409);
        assertThat(Fixtures.text("select status from task where id = '" + police + "'")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aDeclinedTaskPassesToTheNextPartyInLine() {
        String requestId = submit("corridor-clutter");
        Fixtures.awaitCase(requestId, 1);
        String property = Fixtures.taskOf(requestId, "property");

        act("property", property, "decline", "the corridor belongs to the housing bureau").statusCode(200)
                .body("status", equalTo("DECLINED"));
        assertThat(Fixtures.parties(requestId)).isEqualTo("police:LEAD,property:LEAD");
        String police = Fixtures.taskOf(requestId, "police");
        given().auth().oauth2(DevTokens.partner("police")).get("/api/tasks/" + police)
                .then().statusCode(200).body("status", equalTo("ASSIGNED")).body("role", equalTo("LEAD"));

        // the police decline too: the community office, the lead of last resort, takes it
        act("police", police, "decline", "not a police matter").statusCode(200);
        assertThat(Fixtures.parties(requestId)).isEqualTo("office:LEAD,police:LEAD,property:LEAD");
        String office = Fixtures.taskOf(requestId, "office");
        act("office", office, "acknowledge", null).statusCode(200);
        act("office", office, "complete", "residents moved the bikes").statusCode(200);
        given().auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId)
                .then().body("status", equalTo("RESOLVED"));
    }

    @Test
    void aWithdrawnRequestCancelsItsOpenTasks() {
        String requestId = submit("safety-risk");
        Fixtures.awaitCase(requestId, 2);
        act("police", Fixtures.taskOf(requestId, "police"), "acknowledge", null).statusCode(200);
        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(),
                "gongzhi.request.status-changed.v1", """
                        {"communityId": "hepingli", "requestId": "%s", "category": "safety-risk", "building": "7",
                         "from": "ASSIGNED", "to": "WITHDRAWN", "reason": "fixed it myself", "changedAt": "%s"}"""
                        .formatted(requestId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from task where "
                + "request_id = '" + requestId + "' and status = 'CANCELLED'") == 2);
        given().auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId)
                .then().body("status", equalTo("CANCELLED"));
        var events = KafkaProbe.records(Topics.TASKS, requestId, found -> found.stream()
                .filter(r -> r.value().contains("\"CANCELLED\"")).count() == 2);
        assertThat(events.stream().filter(r -> r.value().contains("\"CANCELLED\""))).hasSize(2);
    }

    @Test
    void aReopenedRequestGivesItsLeadANewTaskInANewRound() {
        String requestId = submit("water-leak");
        Fixtures.awaitCase(requestId, 2);
        for (String org : List.of("property", "water")) {
            String task = Fixtures.taskOf(requestId, org);
            act(org, task, "acknowledge", null).statusCode(200);
            act(org, task, "complete", "fixed").statusCode(200);
        }
        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(), "gongzhi.request.reopened.v1",
                """
                        {"communityId": "hepingli", "requestId": "%s", "category": "water-leak", "building": "7",
                         "tracks": ["ALLIANCE"], "reason": "still dripping", "reopenedAt": "%s"}"""
                        .formatted(requestId, Instant.now()));
        var reopened = Fixtures.awaitCase(requestId, 3);
        assertThat(reopened.getString("status")).isEqualTo("OPEN");
        assertThat(reopened.getInt("round")).isEqualTo(2);
        assertThat(Fixtures.text("select organisation_id || ':' || role || ':' || status from task where request_id = '"
                + requestId + "' and round = 2")).isEqualTo("property:LEAD:ASSIGNED");
        String again = Fixtures.taskOf(requestId, "property");
        act("property", again, "acknowledge", null).statusCode(200);
        act("property", again, "complete", "pipe replaced").statusCode(200);
        given().auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId)
                .then().body("status", equalTo("RESOLVED"));
        assertThat(Fixtures.count("select count(*) from outbox_event where event_key = '" + requestId
                + "' and event_type = 'gongzhi.case.resolved.v1'")).isEqualTo(2);
    }

    @Test
    void aWorkerReassignsAddsAResponderAndMovesADeadlineWithAReason() {
        String requestId = submit("water-leak");
        Fixtures.awaitCase(requestId, 2);
        String water = Fixtures.taskOf(requestId, "water");

        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"organisationId\": \"ghost\", \"reason\": \"x\"}")
                .post("/api/tasks/" + water + "/reassign")
                .then().statusCode(400).body("errors.field", hasItem("organisationId"));
        given().auth().oauth2(DevTokens.partner("water")).contentType(ContentType.JSON)
                .body("{\"organisationId\": \"police\", \"reason\": \"x\"}")
                .post("/api/tasks/" + water + "/reassign").then().statusCode(403);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"organisationId\": \"police\", \"reason\": \"the valve is in the police yard\"}")
                .post("/api/tasks/" + water + "/reassign")
                .then().statusCode(200).body("organisationId", equalTo("police")).body("role", equalTo("SUPPORT"));
        assertThat(Fixtures.text("select status from task where id = '" + water + "'")).isEqualTo("CANCELLED");

        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"organisationId\": \"office\", \"reason\": \"elderly resident lives alone\"}")
                .post("/api/cases/" + requestId + "/responders")
                .then().statusCode(201).body("role", equalTo("SUPPORT")).body("status", equalTo("ASSIGNED"));
        assertThat(Fixtures.parties(requestId)).isEqualTo("office:SUPPORT,police:SUPPORT,property:LEAD,water:SUPPORT");

        String property = Fixtures.taskOf(requestId, "property");
        Instant later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"completeBy\": \"" + later + "\"}")
                .post("/api/tasks/" + property + "/deadline")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"completeBy\": \"" + later + "\", \"reason\": \"spare part on order\"}")
                .post("/api/tasks/" + property + "/deadline")
                .then().statusCode(200).body("completeBy", equalTo(later.toString()));
        var events = KafkaProbe.records(Topics.TASKS, requestId, found -> found.stream()
                .anyMatch(r -> r.value().contains("spare part on order")));
        var moved = events.stream().filter(r -> r.value().contains("spare part on order")).toList();
        assertThat(moved).hasSize(1);
        // a deadline change is its own event, not a status change: the new deadlines and the reason
        assertThat(KafkaProbe.header(moved.get(0), "ce_type")).isEqualTo("gongzhi.task.deadline-changed.v1");
        var data = io.restassured.path.json.JsonPath.from(moved.get(0).value());
        assertThat(data.getString("taskId")).isEqualTo(property);
        assertThat(data.getString("organisationId")).isEqualTo("property");
        assertThat(data.getString("reason")).isEqualTo("spare part on order");
        assertThat(Instant.parse(data.getString("completeBy"))).isEqualTo(later);
        assertThat(data.getString("acknowledgeBy")).isNotNull();
        assertThat(events.stream().filter(r -> "gongzhi.task.status-changed.v1".equals(KafkaProbe.header(r, "ce_type")))
                .filter(r -> r.value().contains(property))).isEmpty();
    }

    @Test
    void partnerTaskListIsFilteredAndPaged() {
        for (int i = 0; i < 3; i++) {
            Fixtures.awaitCase(submit("safety-risk"), 2);
        }
        given().auth().oauth2(DevTokens.partner("police")).get("/api/partners/me/tasks?status=ASSIGNED&size=2&page=0")
                .then().statusCode(200).body("items", hasSize(2)).body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(3)).body("items.status", everyItem(equalTo("ASSIGNED")));
        given().auth().oauth2(DevTokens.partner("police")).get("/api/partners/me/tasks?role=SUPPORT")
                .then().statusCode(200).body("items.role", everyItem(equalTo("SUPPORT")));
        given().auth().oauth2(DevTokens.partner("police")).get("/api/partners/me/tasks?size=500")
                .then().statusCode(400).contentType("application/problem+json");
        // a status that does not exist is named, not answered with an empty list or a 404
        given().auth().oauth2(DevTokens.partner("police")).get("/api/partners/me/tasks?status=FINISHED&size=5")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("status"));
    }

    @Test
    void performanceCountsAPartysTasksAndIsOnlyForItsOwnOrganisation() {
        String requestId = submit("safety-risk");
        Fixtures.awaitCase(requestId, 2);
        String police = Fixtures.taskOf(requestId, "police");
        act("police", police, "acknowledge", null).statusCode(200);
        act("police", police, "complete", "ok").statusCode(200);

        given().auth().oauth2(DevTokens.worker()).get("/api/organisations/police/performance")
                .then().statusCode(200).body("organisationId", equalTo("police"))
                .body("tasks", greaterThanOrEqualTo(1)).body("completed", greaterThanOrEqualTo(1))
                .body("completedInTime", greaterThanOrEqualTo(1)).body("medianMinutesToComplete", notNullValue());
        given().auth().oauth2(DevTokens.partner("police")).get("/api/organisations/police/performance")
                .then().statusCode(200);
        given().auth().oauth2(DevTokens.partner("water")).get("/api/organisations/police/performance")
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.worker()).get("/api/organisations/nobody/performance")
                .then().statusCode(404);
    }

    @Test
    void aRequestNoVolunteerTookIsLedByTheOffice() {
        String requestId = UUID.randomUUID().toString();
        String data = """
                {"communityId": "hepingli", "requestId": "%s", "category": "shopping-help", "building": "9",
                 "reason": "no volunteer free this afternoon", "unmatchedAt": "%s"}""".formatted(requestId, Instant.now());
        String ceId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.VOLUNTEERING, requestId, ceId, "gongzhi.volunteer.unmatched.v1", data);
        KafkaProbe.publish(Topics.VOLUNTEERING, requestId, ceId, "gongzhi.volunteer.unmatched.v1", data);
        Fixtures.awaitCase(requestId, 1);
        assertThat(Fixtures.parties(requestId)).isEqualTo("office:LEAD");
        var assigned = KafkaProbe.records(Topics.TASKS, requestId, found -> !found.isEmpty());
        assertThat(assigned).hasSize(1);
        assertThat(assigned.get(0).value()).contains("\"organisationId\":\"office\"");
    }
}
