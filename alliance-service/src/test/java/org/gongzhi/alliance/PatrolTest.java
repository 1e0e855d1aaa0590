package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A patrol reports checkpoint by checkpoint; each problem becomes one event; lifting the warning ends the patrols. The
 * patrol list is paged, newest first, a partner's holding only its own organisation's patrols.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class PatrolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHECKED = "gongzhi.patrol.checked.v1";
    private static final String PROBLEM = "gongzhi.patrol.problem-found.v1";
    private static final String LIFTED = "gongzhi.warning.lifted.v1";

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String org = "unit-p-" + suffix;
    private final String point = "drain-" + suffix;

    @TestHTTPResource("/api/partners/me/feed")
    URI feed;

    @BeforeEach
    void riskPoint() {
        Fixtures.organisation(org, "和平里中学", "AREA_UNIT");
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "6号楼雨水井", "building": "6", "kind": "DRAIN",
                         "warningTypes": ["rainstorm"], "organisation": "%s"}""".formatted(point, org))
                .post("/api/risk-points").then().statusCode(201);
    }

    /** Issues a rainstorm warning and returns [warning id, the id of this test's patrol]. */
    private String[] issue() {
        var warning = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"rainstorm\", \"level\": \"yellow\", \"until\": \""
                        + Instant.now().plusSeconds(6 * 3600) + "\"}")
                .post("/api/warnings").then().statusCode(201).extract().jsonPath();
        return new String[] {warning.getString("id"),
                warning.getString("patrols.find { it.riskPointId == '%s' }.id".formatted(point))};
    }

    private ValidatableResponse report(String patrolId, String checks) {
        return given().auth().oauth2(DevTokens.partner(org)).contentType(ContentType.JSON)
                .body("{\"checks\": [" + checks + "]}")
                .post("/api/patrols/" + patrolId + "/report").then();
    }

    private static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records,
            String type) {
        return records.stream().filter(r -> type.equals(KafkaProbe.header(r, "ce_type"))).toList();
    }

    @Test
    void eachReportPublishesThePatrolsTotalsAndEachProblemIsPublishedOnce() throws Exception {
        String[] ids = issue();
        String warningId = ids[0];
        String patrolId = ids[1];

        report(patrolId, "{\"position\": 0, \"result\": \"OK\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("checkpointsDone", equalTo(1))
                .body("checkpointsTotal", equalTo(3));

        // a problem of an unknown category, or of none, is refused naming the field, and nothing is written
        report(patrolId, """
                {"position": 1, "result": "PROBLEM", "category": "alien-invasion", "description": "strange lights"}""")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("checks[0].category"));
        report(patrolId, """
                {"position": 2, "result": "OK"}, {"position": 1, "result": "PROBLEM", "description": "blocked"}""")
                .statusCode(400).body("errors.field", hasItem("checks[1].category"));
        report(patrolId, """
                {"position": 1, "result": "PROBLEM", "category": "blocked-drain", "urgency": "SOON",
                 "description": "blocked"}""")
                .statusCode(400).body("errors.field", hasItem("checks[0].urgency"));
        assertThat(Fixtures.count("select count(*) from patrol_check where patrol_id = '" + patrolId
                + "' and result is not null")).isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from outbox_event where event_key = '" + warningId
                + "' and event_type = '" + PROBLEM + "'")).isZero();

        String problem = """
                {"position": 1, "result": "PROBLEM", "category": "blocked-drain", "urgency": "URGENT",
                 "description": "grate blocked, water rising", "place": "north side of the ramp"}""";
        String problemId = report(patrolId, problem).statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("checkpointsDone", equalTo(2))
                .body("problemsFound", equalTo(1))
                .body("checks.find { it.position == 1 }.problemId", notNullValue())
                .extract().path("checks.find { it.position == 1 }.problemId");
        // the same checkpoint again (a retry, or a correction): the same problem, not a second one
        report(patrolId, problem).statusCode(200)
                .body("checks.find { it.position == 1 }.problemId", equalTo(problemId));
        report(patrolId, "{\"position\": 2, \"result\": \"OK\", \"note\": \"water flowing away\"}").statusCode(200)
                .body("status", equalTo("PROBLEMS_FOUND")).body("checkpointsDone", equalTo(3))
                .body("problemsFound", equalTo(1));

        var records = KafkaProbe.records(Topics.WARNINGS, warningId, found -> ofType(found, CHECKED).size() >= 4);
        List<ConsumerRecord<String, String>> checked = ofType(records, CHECKED);
        assertThat(checked).hasSize(4);
        JsonNode first = JSON.readTree(checked.get(0).value());
        assertThat(first.get("patrolId").asText()).isEqualTo(patrolId);
        assertThat(first.get("riskPointId").asText()).isEqualTo(point);
        assertThat(first.get("riskPointName").asText()).isEqualTo("6号楼雨水井");
        assertThat(first.get("building").asText()).isEqualTo("6");
        assertThat(first.get("organisationId").asText()).isEqualTo(org);
        assertThat(first.get("checkpointsDone").asInt()).isEqualTo(1);
        assertThat(first.get("checkpointsTotal").asInt()).isEqualTo(3);
        assertThat(first.get("problemsFound").asInt()).isZero();
        JsonNode last = JSON.readTree(checked.get(3).value());
        assertThat(last.get("checkpointsDone").asInt()).isEqualTo(3);
        assertThat(last.get("problemsFound").asInt()).isEqualTo(1);
        assertThat(KafkaProbe.header(checked.get(3), "ce_subject")).isEqualTo(warningId);

        List<ConsumerRecord<String, String>> problems = ofType(records, PROBLEM);
        assertThat(problems).hasSize(1);
        JsonNode found = JSON.readTree(problems.get(0).value());
        assertThat(found.get("problemId").asText()).isEqualTo(problemId);
        assertThat(found.get("warningId").asText()).isEqualTo(warningId);
        assertThat(found.get("patrolId").asText()).isEqualTo(patrolId);
        assertThat(found.get("category").asText()).isEqualTo("blocked-drain");
        assertThat(found.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(found.get("description").asText()).isEqualTo("grate blocked, water rising");
        assertThat(found.get("place").asText()).isEqualTo("north side of the ramp");
        assertThat(found.get("building").asText()).isEqualTo("6");
        assertThat(found.get("riskPointName").asText()).isEqualTo("6号楼雨水井");
        assertThat(found.get("organisationId").asText()).isEqualTo(org);
        assertThat(found.get("communityId").asText()).isEqualTo("hepingli");
    }

    @Test
    void liftingAWarningCancelsItsOpenPatrolsPublishesItOnceAndShowsItLifted() throws Exception {
        String[] ids = issue();
        String warningId = ids[0];
        String patrolId = ids[1];
        report(patrolId, "{\"position\": 0, \"result\": \"OK\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));

        given().auth().oauth2(DevTokens.partner(org)).contentType(ContentType.JSON)
                .body("{\"reason\": \"not ours to lift\"}").post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"reason\": \"the rain has stopped\"}").post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(200).body("liftedAt", notNullValue())
                .body("liftReason", equalTo("the rain has stopped"))
                .body("patrols.find { it.id == '%s' }.status".formatted(patrolId), equalTo("CANCELLED"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"reason\": \"again\"}").post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.worker()).post("/api/warnings/" + UUID.randomUUID() + "/lift")
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(DevTokens.worker()).get("/api/warnings?active=false&size=100")
                .then().statusCode(200)
                .body("items.find { it.id == '%s' }.liftedAt".formatted(warningId), notNullValue())
                .body("items.find { it.id == '%s' }.liftReason".formatted(warningId), equalTo("the rain has stopped"));
        given().auth().oauth2(DevTokens.worker()).get("/api/warnings?active=true&size=100")
                .then().statusCode(200).body("items.id", not(hasItem(warningId)));
        given().auth().oauth2(DevTokens.worker()).get("/api/warnings/" + warningId)
                .then().statusCode(200).body("liftedAt", notNullValue())
                .body("patrols.status", everyItem(not(equalTo("ASSIGNED"))));
        given().auth().oauth2(DevTokens.partner(org)).get("/api/patrols?status=CANCELLED")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(patrolId));
        report(patrolId, "{\"position\": 1, \"result\": \"OK\"}").statusCode(409)
                .contentType("application/problem+json");
        assertThat(Fixtures.text("select status from patrol where id = '" + patrolId + "'")).isEqualTo("CANCELLED");

        var records = KafkaProbe.records(Topics.WARNINGS, warningId, found -> !ofType(found, LIFTED).isEmpty());
        List<ConsumerRecord<String, String>> lifted = ofType(records, LIFTED);
        assertThat(lifted).hasSize(1);
        JsonNode data = JSON.readTree(lifted.get(0).value());
        assertThat(data.get("reason").asText()).isEqualTo("the rain has stopped");
        assertThat(data.get("liftedAt").asText()).isNotBlank();

        // the organisation whose patrol was cancelled sees the warning come and go in its feed
        var events = SseProbe.collect(feed, DevTokens.partner(org), "0",
                found -> found.stream().anyMatch(e -> LIFTED.equals(e.name()) && e.data().contains(warningId)),
                Duration.ofSeconds(20));
        assertThat(events.events()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo(LIFTED);
            assertThat(e.data()).contains(warningId).contains("the rain has stopped");
        });
        assertThat(events.events()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("gongzhi.warning.issued.v1");
            assertThat(e.data()).contains(warningId);
        });
    }

    /** A community of the test's own, written directly: organisations, risk points, warnings and patrols. */
    private final class Community {
        final String id = "patrol-list-" + suffix;
        final String x = "pl-x-" + suffix;
        final String y = "pl-y-" + suffix;
        /** Risk point ids in their sort order: a and c are x's, b is y's. */
        final String a = "pl-a-" + suffix;
        final String b = "pl-b-" + suffix;
        final String c = "pl-c-" + suffix;
        final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Community() {
            for (String org : List.of(x, y)) {
                Fixtures.execute("""
                        insert into organisation (id, community_id, name, type, created_at, updated_at)
                        values ('%s', '%s', '%s', 'PROPERTY_MANAGEMENT', now(), now())""".formatted(org, id, org));
            }
            for (String[] p : List.of(new String[] {a, x}, new String[] {b, y}, new String[] {c, x})) {
                Fixtures.execute("""
                        insert into risk_point (id, community_id, name, building, kind, warning_types,
                                                organisation_id, checklist, created_at)
                        values ('%s', '%s', '%s', '1', 'DRAIN', 'rainstorm', '%s', '', now())"""
                        .formatted(p[0], id, p[0], p[1]));
            }
        }

        String warning(Instant issuedAt) {
            String w = UUID.randomUUID().toString();
            Fixtures.execute("""
                    insert into weather_warning (id, community_id, type, level, valid_from, valid_until, issued_by,
                                                 issued_at)
                    values ('%s', '%s', 'rainstorm', 'yellow', '%s', '%s', 'worker-li', '%s')"""
                    .formatted(w, id, issuedAt, issuedAt.plus(1, ChronoUnit.DAYS), issuedAt));
            return w;
        }

        /** A patrol of the risk point under the warning, created with it, with {@code checkpoints} checkpoints. */
        String patrol(String warning, String point, String status, Instant createdAt, int checkpoints) {
            String p = UUID.randomUUID().toString();
            Fixtures.execute("""
                    insert into patrol (id, warning_id, risk_point_id, organisation_id, status, created_at)
                    values ('%s', '%s', '%s', '%s', '%s', '%s')""".formatted(p, warning, point,
                    point.equals(b) ? y : x, status, createdAt));
            Fixtures.execute("""
                    insert into patrol_check (patrol_id, position, item)
                    select '%s', n, 'checkpoint ' || n from generate_series(0, %d) as n"""
                    .formatted(p, checkpoints - 1));
            return p;
        }
    }

    /** Patrols that tie on creation and risk point, in the order of their ids (as PostgreSQL orders uuids). */
    private static List<String> byId(String... ids) {
        return Stream.of(ids).sorted().toList();
    }

    /**
     * Pages hold {@code size} patrols, newest first (then by risk point, then by id), with the total and each
     * patrol's own checks; a page past the end is empty; {@code status} filters before paging.
     */
    @Test
    void thePatrolListIsPagedNewestFirstWithTheTotalAndEachPatrolsChecks() {
        Community community = new Community();
        Instant hourAgo = community.now.minus(1, ChronoUnit.HOURS);
        Instant twoHoursAgo = community.now.minus(2, ChronoUnit.HOURS);
        Instant threeHoursAgo = community.now.minus(3, ChronoUnit.HOURS);
        String w1 = community.warning(threeHoursAgo);
        String w2 = community.warning(twoHoursAgo);
        // two warnings issued at the same moment: their patrols of one risk point differ only by id
        String w3 = community.warning(hourAgo);
        String w4 = community.warning(hourAgo);
        String w1a = community.patrol(w1, community.a, "CANCELLED", threeHoursAgo, 3);
        String w1c = community.patrol(w1, community.c, "DONE", threeHoursAgo, 1);
        String w2a = community.patrol(w2, community.a, "ASSIGNED", twoHoursAgo, 3);
        String w2b = community.patrol(w2, community.b, "ASSIGNED", twoHoursAgo, 2);
        String w3a = community.patrol(w3, community.a, "ASSIGNED", hourAgo, 3);
        String w3b = community.patrol(w3, community.b, "ASSIGNED", hourAgo, 2);
        String w3c = community.patrol(w3, community.c, "IN_PROGRESS", hourAgo, 1);
        String w4a = community.patrol(w4, community.a, "ASSIGNED", hourAgo, 3);
        Fixtures.execute("update patrol_check set result = 'OK', reported_at = now() where patrol_id = '" + w3c
                + "'");
        List<String> order = new ArrayList<>(byId(w3a, w4a));
        order.addAll(List.of(w3b, w3c, w2a, w2b, w1a, w1c));
        String worker = Fixtures.workerOf(community.id);

        given().auth().oauth2(worker).get("/api/patrols")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(8))
                .body("items.id", contains(order.toArray()))
                .body("items.checkpointsTotal", contains(3, 3, 2, 1, 3, 2, 3, 1))
                .body("items.find { it.id == '%s' }.checks.position".formatted(w2a), contains(0, 1, 2))
                .body("items.find { it.id == '%s' }.checkpointsDone".formatted(w3c), equalTo(1))
                .body("items.find { it.id == '%s' }.warningId".formatted(w2b), equalTo(w2));

        JsonPath first = given().auth().oauth2(worker).get("/api/patrols?size=3")
                .then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(3)).body("total", equalTo(8))
                .extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactlyElementsOf(order.subList(0, 3));
        given().auth().oauth2(worker).get("/api/patrols?size=3&page=1")
                .then().statusCode(200).body("page", equalTo(1)).body("total", equalTo(8))
                .body("items.id", contains(order.subList(3, 6).toArray()))
                .body("items.checkpointsTotal", contains(1, 3, 2));
        given().auth().oauth2(worker).get("/api/patrols?size=3&page=2")
                .then().statusCode(200).body("total", equalTo(8))
                .body("items.id", contains(order.subList(6, 8).toArray()));
        given().auth().oauth2(worker).get("/api/patrols?size=3&page=3")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(8));

        // the filter counts and pages too
        given().auth().oauth2(worker).get("/api/patrols?status=ASSIGNED&size=2&page=1")
                .then().statusCode(200).body("total", equalTo(5))
                .body("items.id", contains(w3b, w2a));
        given().auth().oauth2(worker).get("/api/patrols?status=DONE")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(w1c))
                .body("items[0].checks", hasSize(1));
        // a status that does not exist is the caller's mistake, and named
        given().auth().oauth2(worker).get("/api/patrols?status=FINISHED")
                .then().statusCode(400).body("errors.field", contains("status"));
    }

    /**
     * A partner's list holds its own organisation's patrols only, in its own community; another community's
     * patrols are in nobody else's list, staff's or a partner's of the same organisation id.
     */
    @Test
    void aPartnerListsOnlyItsOwnOrganisationsPatrolsAndNoOtherCommunitysAreListed() {
        Community community = new Community();
        Instant hourAgo = community.now.minus(1, ChronoUnit.HOURS);
        Instant twoHoursAgo = community.now.minus(2, ChronoUnit.HOURS);
        String w1 = community.warning(twoHoursAgo);
        String w2 = community.warning(hourAgo);
        String w1a = community.patrol(w1, community.a, "ASSIGNED", twoHoursAgo, 3);
        String w1b = community.patrol(w1, community.b, "ASSIGNED", twoHoursAgo, 2);
        String w1c = community.patrol(w1, community.c, "ASSIGNED", twoHoursAgo, 1);
        String w2a = community.patrol(w2, community.a, "ASSIGNED", hourAgo, 3);
        String w2b = community.patrol(w2, community.b, "ASSIGNED", hourAgo, 2);
        String partnerX = DevTokens.token("partner", "partner-" + community.x,
                Map.of("org", community.x, "community", community.id));
        String partnerY = DevTokens.token("partner", "partner-" + community.y,
                Map.of("org", community.y, "community", community.id));

        given().auth().oauth2(partnerX).get("/api/patrols")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.id", contains(w2a, w1a, w1c))
                .body("items.organisationId", everyItem(equalTo(community.x)));
        given().auth().oauth2(partnerX).get("/api/patrols?size=2&page=1")
                .then().statusCode(200).body("total", equalTo(3)).body("items.id", contains(w1c));
        given().auth().oauth2(partnerY).get("/api/patrols")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id", contains(w2b, w1b))
                .body("items.checkpointsTotal", contains(2, 2));
        given().auth().oauth2(Fixtures.workerOf(community.id)).get("/api/patrols")
                .then().statusCode(200).body("total", equalTo(5));

        // the same organisation id in another community, and another community's staff, see none of them
        given().auth().oauth2(DevTokens.partner(community.x)).get("/api/patrols")
                .then().statusCode(200).body("total", equalTo(0)).body("items", empty());
        given().auth().oauth2(Fixtures.workerOf("elsewhere-" + suffix)).get("/api/patrols")
                .then().statusCode(200).body("total", equalTo(0)).body("items", empty());
        // nor can the partner of that other community report on one of them
        given().auth().oauth2(DevTokens.partner(community.x)).contentType(ContentType.JSON)
                .body("{\"checks\": [{\"position\": 0, \"result\": \"OK\"}]}")
                .post("/api/patrols/" + w2a + "/report").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * Many patrols created at one moment (one warning after another issued within the same instant): paging
     * through them gives each exactly once, in the order the database keeps them.
     */
    @Test
    void pagingThroughManyPatrolsOfOneMomentGivesEachOnceInTheDatabasesOrder() {
        Community community = new Community();
        Fixtures.execute("""
                insert into risk_point (id, community_id, name, building, kind, warning_types, organisation_id,
                                        checklist, created_at)
                select 'pl-many-' || n || '-%1$s', '%2$s', 'point ' || n, '1', 'DRAIN', 'rainstorm', '%3$s', '',
                       now()
                from generate_series(1, 10) as n""".formatted(suffix, community.id, community.x));
        Fixtures.execute("""
                insert into weather_warning (id, community_id, type, level, valid_from, valid_until, issued_by,
                                             issued_at)
                select gen_random_uuid(), '%1$s', 'rainstorm', 'blue', '%2$s', now() + interval '1 day',
                       'worker-li', '%2$s'
                from generate_series(1, 100)""".formatted(community.id, community.now));
        Fixtures.execute("""
                insert into patrol (id, warning_id, risk_point_id, organisation_id, status, created_at)
                select gen_random_uuid(), w.id, r.id, r.organisation_id, 'ASSIGNED', w.issued_at
                from weather_warning w join risk_point r on r.community_id = w.community_id
                where w.community_id = '%s' and r.id like 'pl-many-%%'""".formatted(community.id));
        Fixtures.execute("""
                insert into patrol_check (patrol_id, position, item)
                select p.id, 0, 'look' from patrol p join weather_warning w on w.id = p.warning_id
                where w.community_id = '%s'""".formatted(community.id));
        List<String> expected = Fixtures.texts("""
                select p.id from patrol p join weather_warning w on w.id = p.warning_id
                where w.community_id = '%s' order by p.created_at desc, p.risk_point_id, p.id"""
                .formatted(community.id));
        assertThat(expected).hasSize(1000);

        List<String> listed = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            JsonPath body = given().auth().oauth2(Fixtures.workerOf(community.id))
                    .queryParam("page", page).queryParam("size", 100)
                    .get("/api/patrols")
                    .then().statusCode(200)
                    .body("total", equalTo(1000)).body("page", equalTo(page)).body("items", hasSize(100))
                    .body("items.checkpointsTotal", everyItem(equalTo(1)))
                    .extract().jsonPath();
            listed.addAll(body.getList("items.id", String.class));
        }
        assertThat(listed).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        given().auth().oauth2(Fixtures.workerOf(community.id)).queryParam("page", 10).queryParam("size", 100)
                .get("/api/patrols").then().statusCode(200).body("items", empty()).body("total", equalTo(1000));
    }

    @Test
    void aBadPageOrSizeIs400NamingIt() {
        for (String token : List.of(DevTokens.worker(), DevTokens.partner(org))) {
            for (Map.Entry<String, List<String>> bad : Map.of("page=-1", List.of("page"), "size=0", List.of("size"),
                    "size=101", List.of("size"), "page=-1&size=500", List.of("page", "size"),
                    "status=ASSIGNED&size=0", List.of("size")).entrySet()) {
                given().auth().oauth2(token).get("/api/patrols?" + bad.getKey())
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("status", equalTo(400)).body("instance", equalTo("/api/patrols"))
                        .body("errors.field", containsInAnyOrder(bad.getValue().toArray()));
            }
            given().auth().oauth2(token).get("/api/patrols?size=100&page=0")
                    .then().statusCode(200).body("size", equalTo(100)).body("page", equalTo(0));
        }
        given().auth().oauth2(DevTokens.resident("r-" + suffix)).get("/api/patrols")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
