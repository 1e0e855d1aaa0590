package org.gongzhi.alliance;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A weather warning patrols exactly the risk points of that weather, and is published. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class WarningTest {
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void riskPoints() {
        Fixtures.leakAlliance();
        Fixtures.organisation("power", "供电所", "UTILITY");
        point("garage-" + suffix, "3号楼地下车库", "3", "basement-garage", "[\"rainstorm\"]", "property", "");
        point("yard-" + suffix, "5号楼低洼院落", "5", "LOW_LYING_COURTYARD", "[\"rainstorm\", \"snow\"]",
                "property", "");
        point("roof-" + suffix, "12号楼楼顶", "12", "TOP_FLOOR_ROOF", "[\"wind\"]", "property", "");
        point("box-" + suffix, "8号楼老旧电箱", "8", "OLD_WIRING_BOX", "[\"rainstorm\", \"heat\"]", "power", "");
        point("well-" + suffix, "9号楼雨水井", "9", "drain", "[\"rainstorm\"]", "property",
                ", \"checklist\": [\"井盖盖好\", \"pump switched on\"]");
    }

    /** Registers a risk point; {@code more}: further JSON members (a checklist), or "". */
    private static void point(String id, String name, String building, String kind, String types, String org,
            String more) {
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "%s", "building": "%s", "kind": "%s", "warningTypes": %s,
                         "organisation": "%s"%s}""".formatted(id, name, building, kind, types, org, more))
                .post("/api/risk-points").then().statusCode(201);
    }

    @Test
    void aRainstormWarningPatrolsEveryRainstormRiskPointWithItsChecklist() {
        Instant until = Instant.now().plusSeconds(6 * 3600);
        JsonPath warning = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"rainstorm\", \"level\": \"orange\", \"until\": \"" + until + "\"}")
                .post("/api/warnings")
                .then().statusCode(201)
                .body("patrols.riskPointId", hasItems("garage-" + suffix, "yard-" + suffix, "box-" + suffix))
                .body("patrols.riskPointId", not(hasItem("roof-" + suffix)))
                .body("patrols.find { it.riskPointId == 'garage-%s' }.riskPointName".formatted(suffix),
                        equalTo("3号楼地下车库"))
                .body("patrols.find { it.riskPointId == 'garage-%s' }.checks.item".formatted(suffix),
                        contains("排水口畅通", "沙袋已就位", "水泵运转正常", "已通知车主挪车"))
                .body("patrols.find { it.riskPointId == 'garage-%s' }.checks.itemEn".formatted(suffix),
                        contains("drains clear", "sandbags in place", "pumps working", "cars warned to move"))
                // a checklist a worker typed reads as typed in both languages
                .body("patrols.find { it.riskPointId == 'well-%s' }.checks.item".formatted(suffix),
                        contains("井盖盖好", "pump switched on"))
                .body("patrols.find { it.riskPointId == 'well-%s' }.checks.itemEn".formatted(suffix),
                        contains("井盖盖好", "pump switched on"))
                .body("patrols.find { it.riskPointId == 'box-%s' }.organisationId".formatted(suffix),
                        equalTo("power"))
                .extract().jsonPath();
        String warningId = warning.getString("id");

        var issued = KafkaProbe.records(Topics.WARNINGS, warningId, found -> !found.isEmpty());
        assertThat(issued).hasSize(1);
        assertThat(KafkaProbe.header(issued.get(0), "ce_type")).isEqualTo("gongzhi.warning.issued.v1");
        assertThat(issued.get(0).value()).contains("\"type\":\"rainstorm\"").contains("\"level\":\"orange\"");

        // the power supply unit sees only its own patrols and reports each checkpoint
        String boxPatrol = warning.getString("patrols.find { it.riskPointId == 'box-%s' }.id".formatted(suffix));
        given().auth().oauth2(DevTokens.partner("power")).get("/api/patrols?size=100")
                .then().statusCode(200).body("items.organisationId", everyItem(equalTo("power")))
                // what the partner's phone shows: the risk point by name, each checkpoint in Chinese and English
                .body("items.find { it.id == '%s' }.riskPointName".formatted(boxPatrol), equalTo("8号楼老旧电箱"))
                .body("items.find { it.id == '%s' }.checks.item".formatted(boxPatrol),
                        contains("电箱关闭且干燥", "无烧焦痕迹", "无裸露电线"))
                .body("items.find { it.id == '%s' }.checks.itemEn".formatted(boxPatrol),
                        contains("box closed and dry", "no scorch marks", "no exposed wires"))
                .body("items.id", hasItem(boxPatrol)).body("items.id", not(hasItem(warning.getString(
                        "patrols.find { it.riskPointId == 'garage-%s' }.id".formatted(suffix)))));
        String garagePatrol = warning.getString("patrols.find { it.riskPointId == 'garage-%s' }.id"
                .formatted(suffix));
        given().auth().oauth2(DevTokens.partner("power")).contentType(ContentType.JSON)
                .body("{\"checks\": [{\"position\": 0, \"result\": \"OK\"}]}")
                .post("/api/patrols/" + garagePatrol + "/report").then().statusCode(404);
        List<Integer> positions = warning.getList("patrols.find { it.riskPointId == 'box-%s' }.checks.position"
                .formatted(suffix), Integer.class);
        StringBuilder checks = new StringBuilder();
        for (int p : positions) {
            checks.append(checks.isEmpty() ? "" : ", ").append(p == 2
                    ? "{\"position\": 2, \"result\": \"PROBLEM\", \"category\": \"old-wiring\", "
                            + "\"urgency\": \"HIGH\", \"description\": \"bare wire at the box door\"}"
                    : "{\"position\": %d, \"result\": \"OK\"}".formatted(p));
        }
        given().auth().oauth2(DevTokens.partner("power")).contentType(ContentType.JSON)
                .body("{\"checks\": [" + checks + "]}")
                .post("/api/patrols/" + boxPatrol + "/report")
                .then().statusCode(200).body("status", equalTo("PROBLEMS_FOUND"));

        given().auth().oauth2(DevTokens.worker()).post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(200).body("liftedAt", org.hamcrest.Matchers.notNullValue())
                .body("patrols.find { it.riskPointId == 'garage-%s' }.status".formatted(suffix),
                        equalTo("CANCELLED"))
                .body("patrols.find { it.riskPointId == 'box-%s' }.status".formatted(suffix),
                        equalTo("PROBLEMS_FOUND"));
        given().auth().oauth2(DevTokens.worker()).post("/api/warnings/" + warningId + "/lift")
                .then().statusCode(409);
    }

    /**
     * A community's warnings only grow: the list is paged, and paging through a long history gives every warning
     * once, newest first. (Viewing the whole history at once built a chain as deep as the warnings were many; about
     * 1,500 overflowed the 512 KiB stack and the request was never answered.)
     */
    @Test
    void everyWarningOfALongHistoryIsListedNewestFirstPageByPage() {
        String community = "history-" + suffix;
        Fixtures.execute("""
                insert into weather_warning (id, community_id, type, level, valid_from, valid_until, issued_by,
                                             issued_at, lifted_at)
                select gen_random_uuid(), '%s', 'rainstorm', 'blue', now() - make_interval(days => n + 1),
                       now() - make_interval(days => n), 'worker-li', now() - make_interval(days => n + 1),
                       now() - make_interval(days => n)
                from generate_series(1, 3000) as n""".formatted(community));

        List<String> ids = new ArrayList<>();
        List<Instant> issued = new ArrayList<>();
        for (int page = 0; page < 30; page++) {
            JsonPath body = given().auth().oauth2(Fixtures.workerOf(community))
                    .config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 30_000)))
                    .queryParam("page", page).queryParam("size", 100)
                    .get("/api/warnings")
                    .then().statusCode(200)
                    .body("total", equalTo(3000)).body("page", equalTo(page)).body("size", equalTo(100))
                    .body("items", hasSize(100)).body("items.type", everyItem(equalTo("rainstorm")))
                    .extract().jsonPath();
            ids.addAll(body.getList("items.id", String.class));
            body.getList("items.issuedAt", String.class).forEach(i -> issued.add(Instant.parse(i)));
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(3000);
        assertThat(issued).isSortedAccordingTo(Comparator.reverseOrder());
        given().auth().oauth2(Fixtures.workerOf(community)).queryParam("page", 30).queryParam("size", 100)
                .get("/api/warnings").then().statusCode(200).body("items", empty()).body("total", equalTo(3000));
    }

    /**
     * Pages hold {@code size} warnings, newest first, with the total; each warning as it reads on its own; and
     * {@code active} keeps the warnings in force (not lifted, not over) or the others.
     */
    @Test
    void theListIsPagedNewestFirstWithTheTotalAndEachWarningAsItReadsAlone() {
        String community = "paged-" + suffix;
        String worker = Fixtures.workerOf(community);
        String org = "paged-org-" + suffix;
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "%s", "nameEn": "%s", "type": "PROPERTY_MANAGEMENT"}"""
                        .formatted(org, org, org))
                .post("/api/organisations").then().statusCode(201);
        Fixtures.building(community, "3");
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("""
                        {"id": "paged-garage-%s", "name": "garage", "building": "3", "kind": "basement-garage",
                         "warningTypes": ["rainstorm"], "organisation": "%s"}""".formatted(suffix, org))
                .post("/api/risk-points").then().statusCode(201);
        // four earlier warnings: an hour ago (in force), two (lifted), three (over), four (in force)
        String[] earlier = new String[4];
        for (int n = 1; n <= 4; n++) {
            earlier[n - 1] = UUID.randomUUID().toString();
            Fixtures.execute("""
                    insert into weather_warning (id, community_id, type, level, valid_from, valid_until, issued_by,
                                                 issued_at, lifted_at, lifted_by, lift_reason)
                    values ('%s', '%s', 'wind', 'yellow', now() - interval '%d hours', %s, 'worker-li',
                            now() - interval '%d hours', %s, %s, %s)""".formatted(earlier[n - 1], community, n,
                    n == 3 ? "now() - interval '1 hour'" : "now() + interval '1 day'", n,
                    n == 2 ? "now() - interval '30 minutes'" : "null", n == 2 ? "'worker-li'" : "null",
                    n == 2 ? "'calm again'" : "null"));
        }
        String newest = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"type\": \"rainstorm\", \"level\": \"red\", \"until\": \""
                        + Instant.now().plusSeconds(6 * 3600) + "\"}")
                .post("/api/warnings").then().statusCode(201).extract().path("id");

        JsonPath first = given().auth().oauth2(worker).get("/api/warnings?size=2")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(5))
                .extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(newest, earlier[0]);
        Map<String, Object> alone = given().auth().oauth2(worker).get("/api/warnings/" + newest)
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(first.getMap("items[0]")).isEqualTo(alone);
        assertThat(first.getList("items[0].patrols.riskPointId", String.class))
                .containsExactly("paged-garage-" + suffix);
        assertThat(first.getList("items[0].patrols[0].checks")).isNotEmpty();
        assertThat(first.getList("items[1].patrols")).isEmpty();

        given().auth().oauth2(worker).get("/api/warnings?size=2&page=1")
                .then().statusCode(200).body("page", equalTo(1)).body("total", equalTo(5))
                .body("items.id", contains(earlier[1], earlier[2]))
                .body("items[0].liftReason", equalTo("calm again"));
        given().auth().oauth2(worker).get("/api/warnings?size=2&page=2")
                .then().statusCode(200).body("items.id", contains(earlier[3])).body("total", equalTo(5));
        given().auth().oauth2(worker).get("/api/warnings?size=2&page=3")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(5));
        given().auth().oauth2(worker).get("/api/warnings")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20))
                .body("total", equalTo(5))
                .body("items.id", contains(newest, earlier[0], earlier[1], earlier[2], earlier[3]));

        given().auth().oauth2(worker).get("/api/warnings?active=true")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.id", contains(newest, earlier[0], earlier[3]));
        given().auth().oauth2(worker).get("/api/warnings?active=false&size=1&page=1")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id", contains(earlier[2]));
    }

    @Test
    void aBadPageOrSizeIs400NamingIt() {
        for (String query : List.of("page=-1", "size=0", "size=101", "page=-1&size=500")) {
            String[] fields = query.contains("&") ? new String[] {"page", "size"}
                    : new String[] {query.substring(0, query.indexOf('='))};
            given().auth().oauth2(DevTokens.worker()).get("/api/warnings?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("instance", equalTo("/api/warnings"))
                    .body("errors.field", containsInAnyOrder(fields));
        }
        given().auth().oauth2(DevTokens.worker()).get("/api/warnings?size=100")
                .then().statusCode(200).body("size", equalTo(100));
        given().auth().oauth2(DevTokens.partner("property")).get("/api/warnings")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anotherCommunitysWarningsAreNeitherListedNorRead() {
        String ours = "ours-" + suffix;
        String theirs = "theirs-" + suffix;
        String mine = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        for (String[] w : List.of(new String[] {mine, ours}, new String[] {other, theirs})) {
            Fixtures.execute("""
                    insert into weather_warning (id, community_id, type, level, valid_from, valid_until, issued_by,
                                                 issued_at)
                    values ('%s', '%s', 'heat', 'orange', now(), now() + interval '1 day', 'worker-li', now())"""
                    .formatted(w[0], w[1]));
        }
        given().auth().oauth2(Fixtures.workerOf(ours)).get("/api/warnings")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(mine));
        given().auth().oauth2(Fixtures.workerOf(theirs)).get("/api/warnings?active=true")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(other));
        given().auth().oauth2(Fixtures.workerOf(ours)).get("/api/warnings/" + other)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.worker()).get("/api/warnings?size=100")
                .then().statusCode(200).body("items.id", not(hasItem(mine))).body("items.id", not(hasItem(other)));
    }

    @Test
    void aBadWarningIs400NamingTheFieldAndCreatesNothing() {
        long warnings = Fixtures.count("select count(*) from weather_warning");
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"tornado\", \"level\": \"red\", \"until\": \"" + Instant.now().plusSeconds(60)
                        + "\"}")
                .post("/api/warnings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("type"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"wind\", \"level\": \"purple\", \"until\": \"" + Instant.now().plusSeconds(60)
                        + "\"}")
                .post("/api/warnings").then().statusCode(400).body("errors.field", hasItem("level"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"wind\", \"level\": \"blue\", \"from\": \"" + Instant.now().plusSeconds(600)
                        + "\", \"until\": \"" + Instant.now().plusSeconds(60) + "\"}")
                .post("/api/warnings").then().statusCode(400).body("errors.field", hasItem("until"));
        given().auth().oauth2(DevTokens.partner("property")).contentType(ContentType.JSON)
                .body("{\"type\": \"wind\", \"level\": \"blue\", \"until\": \"" + Instant.now().plusSeconds(600)
                        + "\"}")
                .post("/api/warnings").then().statusCode(403);
        assertThat(Fixtures.count("select count(*) from weather_warning")).isEqualTo(warnings);
    }
}
