package org.gongzhi.request.hall;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.request.Fixtures.residentOf;
import static org.gongzhi.request.Fixtures.sql;
import static org.gongzhi.request.Fixtures.workerOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.Test;

/**
 * The hall's lists that grow with a community's history — topics and meetings — are paged: newest first, the total to
 * page through, each item as it reads on its own, a bad page or size refused naming it, and only the caller's
 * community's items.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class DeliberationListTest {
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private static String topic(String token, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"title\": \"" + title + "\", \"description\": \"about " + title + "\"}")
                .post("/api/deliberation/topics").then().statusCode(201).extract().path("id");
    }

    private static String meeting(String worker, String title, Instant startsAt, String topicId) {
        return given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"title\": \"" + title + "\", \"place\": \"社区活动室\", \"startsAt\": \"" + startsAt
                        + "\", \"topicIds\": [\"" + topicId + "\"]}")
                .post("/api/deliberation/meetings").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> alone(String token, String topicId) {
        return given().auth().oauth2(token).get("/api/deliberation/topics/" + topicId)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    /**
     * Pages hold {@code size} topics, newest first (the same moment: the greater id first), with the total; each
     * topic reads in the list as it reads on its own — discussion (a hidden comment without its text), supporters,
     * linked requests, votes, the decision with its action items.
     */
    @Test
    void topicsArePagedNewestFirstWithTheTotalAndEachTopicAsItReadsAlone() {
        String community = "hall-" + suffix;
        String worker = workerOf(community);
        String resident = residentOf(community, "res-" + suffix);

        // two topics of the same moment, long ago: the greater id comes first
        String[] tied = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        java.util.Arrays.sort(tied, Comparator.reverseOrder());
        sql("""
                insert into topic (id, community_id, title, description, buildings, status, proposed_by, created_at)
                select id::uuid, '%s', 'tied', 'same moment', '', 'OPEN', 'res-old', timestamptz '2026-01-05 10:00+08'
                from unnest(array['%s', '%s']) as id""".formatted(community, tied[0], tied[1]));
        String older = topic(resident, "楼道清理");
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"name\": \"北巷\", \"nameEn\": \"North lane\"}")
                .put("/api/estate/places/north-lane").then().statusCode(201);
        String request = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"category\": \"parking\", \"description\": \"Cars block the lane\", \"place\": \"north-lane\"}")
                .post("/api/requests").then().statusCode(201).extract().path("id");
        String busy = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"title\": \"北巷停车\", \"description\": \"Where may cars park?\", \"requestIds\": [\""
                        + request + "\"]}")
                .post("/api/deliberation/topics").then().statusCode(201).extract().path("id");
        String comment = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"text\": \"Paint bays on the east side\"}")
                .post("/api/deliberation/topics/" + busy + "/comments").then().statusCode(200)
                .extract().path("comments[0].id");
        String rude = given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"text\": \"rude words\", \"parentId\": \"" + comment + "\"}")
                .post("/api/deliberation/topics/" + busy + "/comments").then().statusCode(200)
                .extract().path("comments.find { it.parentId != null }.id");
        given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"reason\": \"insulting\"}")
                .post("/api/deliberation/topics/" + busy + "/comments/" + rude + "/hide").then().statusCode(200);
        given().auth().oauth2(resident).post("/api/deliberation/topics/" + busy + "/support")
                .then().statusCode(200);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"question\": \"Paint bays?\", \"options\": [\"approve\", \"reject\"], "
                        + "\"rule\": \"SIMPLE_MAJORITY\", \"closesAt\": \"" + Instant.now().plus(Duration.ofHours(1))
                        + "\"}")
                .post("/api/deliberation/topics/" + busy + "/votes").then().statusCode(201);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"outcome\": \"approved\", \"summary\": \"Bays on the east side\", \"actionItems\": ["
                        + "{\"title\": \"Paint parking bays\", \"category\": \"parking\"}, "
                        + "{\"title\": \"Put up signs\", \"category\": \"parking\"}]}")
                .post("/api/deliberation/topics/" + busy + "/decision").then().statusCode(200);
        String newest = topic(resident, "广场舞时间");

        JsonPath first = given().auth().oauth2(resident).get("/api/deliberation/topics?size=2")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(5))
                .extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(newest, busy);
        assertThat(first.getMap("items[0]")).isEqualTo(alone(resident, newest));
        assertThat(first.getMap("items[1]")).isEqualTo(alone(resident, busy));
        assertThat(first.getList("items[1].comments.text")).containsExactly("Paint bays on the east side", null);
        assertThat(first.getList("items[1].comments.hidden")).containsExactly(false, true);
        assertThat(first.getLong("items[1].supporters")).isEqualTo(1);
        assertThat(first.getList("items[1].linkedRequests")).containsExactly(request);
        assertThat(first.getList("items[1].votes.question")).containsExactly("Paint bays?");
        assertThat(first.getList("items[1].decision.actionItems.title"))
                .containsExactly("Paint parking bays", "Put up signs");
        assertThat(first.getString("items[1].status")).isEqualTo("DECIDED");

        JsonPath second = given().auth().oauth2(resident).get("/api/deliberation/topics?size=2&page=1")
                .then().statusCode(200).body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(5))
                .extract().jsonPath();
        assertThat(second.getList("items.id", String.class)).containsExactly(older, tied[0]);
        assertThat(second.getMap("items[0]")).isEqualTo(alone(resident, older));
        given().auth().oauth2(resident).get("/api/deliberation/topics?size=2&page=2")
                .then().statusCode(200).body("items.id", contains(tied[1])).body("total", equalTo(5));
        given().auth().oauth2(resident).get("/api/deliberation/topics?size=2&page=3")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(5));
        given().auth().oauth2(worker).get("/api/deliberation/topics")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(5))
                .body("items.id", contains(newest, busy, older, tied[0], tied[1]));
        JsonPath all = given().auth().oauth2(worker).get("/api/deliberation/topics?size=100")
                .then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < 5; i++) {
            assertThat(all.getMap("items[" + i + "]"))
                    .isEqualTo(alone(worker, all.getString("items[" + i + "].id")));
        }
    }

    /** A community's history of topics, each with its own discussion and vote, paged through: every topic once. */
    @Test
    void aLongHistoryOfTopicsIsPagedThroughEachWithItsOwnDiscussion() {
        String community = "history-" + suffix;
        sql("""
                insert into topic (id, community_id, title, description, buildings, status, proposed_by, created_at)
                select gen_random_uuid(), '%s', 'topic ' || n, 'matter ' || n, '', 'VOTING', 'res-' || n,
                       now() - make_interval(days => n)
                from generate_series(1, 250) as n""".formatted(community));
        sql("""
                insert into topic_comment (id, topic_id, author, text, created_at)
                select gen_random_uuid(), t.id, 'res-x', 'on ' || t.title, t.created_at + interval '1 hour'
                from topic t where t.community_id = '%s'""".formatted(community));
        sql("""
                insert into vote (id, topic_id, question, options, rule, quorum, opens_at, closes_at)
                select gen_random_uuid(), t.id, 'vote on ' || t.title, 'yes,no', 'SIMPLE_MAJORITY', 0.5,
                       t.created_at, t.created_at + interval '7 days'
                from topic t where t.community_id = '%s'""".formatted(community));

        String resident = residentOf(community, "res-" + suffix);
        List<String> ids = new ArrayList<>();
        List<Instant> created = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath body = given().auth().oauth2(resident).queryParam("page", page).queryParam("size", 100)
                    .get("/api/deliberation/topics")
                    .then().statusCode(200)
                    .body("total", equalTo(250)).body("page", equalTo(page)).body("size", equalTo(100))
                    .body("items", hasSize(page < 2 ? 100 : 50))
                    .extract().jsonPath();
            ids.addAll(body.getList("items.id", String.class));
            body.getList("items.createdAt", String.class).forEach(c -> created.add(Instant.parse(c)));
            List<String> titles = body.getList("items.title", String.class);
            for (int i = 0; i < titles.size(); i++) {
                assertThat(body.getList("items[" + i + "].comments.text")).containsExactly("on " + titles.get(i));
                assertThat(body.getList("items[" + i + "].votes.question"))
                        .containsExactly("vote on " + titles.get(i));
            }
        }
        assertThat(ids).hasSize(250).doesNotHaveDuplicates();
        assertThat(created).isSortedAccordingTo(Comparator.reverseOrder());
        given().auth().oauth2(resident).get("/api/deliberation/topics?page=3&size=100")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(250));
    }

    /** Meetings are paged too, latest first (the same start: the greater id first), each as the hall answers it. */
    @Test
    void meetingsArePagedLatestFirstWithTheTotal() {
        String community = "meetings-" + suffix;
        String worker = workerOf(community);
        String resident = residentOf(community, "res-" + suffix);
        String topicId = topic(resident, "楼道清理");
        Instant start = Instant.parse("2027-03-01T11:00:00Z");
        String earliest = meeting(worker, "第1次", start, topicId);
        String[] tied = {meeting(worker, "第2次 a", start.plus(Duration.ofDays(7)), topicId),
                meeting(worker, "第2次 b", start.plus(Duration.ofDays(7)), topicId)};
        java.util.Arrays.sort(tied, Comparator.reverseOrder());
        String latest = meeting(worker, "第3次", start.plus(Duration.ofDays(14)), topicId);
        given().auth().oauth2(resident).post("/api/deliberation/meetings/" + latest + "/registrations")
                .then().statusCode(200);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"residentIds\": [\"res-" + suffix + "\", \"res-other\"]}")
                .post("/api/deliberation/meetings/" + latest + "/attendance").then().statusCode(200);
        Map<String, Object> answered = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"text\": \"Agreed a clean-up day.\"}")
                .put("/api/deliberation/meetings/" + latest + "/minutes")
                .then().statusCode(200).extract().jsonPath().getMap("");
        given().auth().oauth2(residentOf(community, "res-2-" + suffix))
                .post("/api/deliberation/meetings/" + earliest + "/registrations").then().statusCode(200);

        JsonPath first = given().auth().oauth2(resident).get("/api/deliberation/meetings?size=2")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(4))
                .extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(latest, tied[0]);
        assertThat(first.getMap("items[0]")).isEqualTo(answered);
        assertThat(first.getLong("items[0].registered")).isEqualTo(2);
        assertThat(first.getLong("items[0].attended")).isEqualTo(2);
        assertThat(first.getString("items[0].minutes")).isEqualTo("Agreed a clean-up day.");
        given().auth().oauth2(resident).get("/api/deliberation/meetings?size=2&page=1")
                .then().statusCode(200).body("page", equalTo(1)).body("total", equalTo(4))
                .body("items.id", contains(tied[1], earliest))
                .body("items[1].registered", equalTo(1)).body("items[1].attended", equalTo(0))
                .body("items[1].topicIds", contains(topicId));
        given().auth().oauth2(resident).get("/api/deliberation/meetings?size=2&page=2")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(4));
        given().auth().oauth2(worker).get("/api/deliberation/meetings")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(4))
                .body("items.id", contains(latest, tied[0], tied[1], earliest));
    }

    @Test
    void aBadPageOrSizeIs400NamingIt() {
        for (String path : List.of("/api/deliberation/topics", "/api/deliberation/meetings")) {
            for (String query : List.of("page=-1", "size=0", "size=101", "page=-1&size=500")) {
                String[] fields = query.contains("&") ? new String[] {"page", "size"}
                        : new String[] {query.substring(0, query.indexOf('='))};
                given().auth().oauth2(DevTokens.resident("res-" + suffix)).get(path + "?" + query)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("status", equalTo(400)).body("instance", equalTo(path))
                        .body("errors.field", containsInAnyOrder(fields));
            }
            given().auth().oauth2(DevTokens.worker()).get(path + "?size=100&page=0")
                    .then().statusCode(200).body("size", equalTo(100));
            given().auth().oauth2(DevTokens.partner("property")).get(path)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void anotherCommunitysTopicsAndMeetingsAreNotListed() {
        String ours = "ours-" + suffix;
        String theirs = "theirs-" + suffix;
        String mine = topic(residentOf(ours, "res-o-" + suffix), "ours");
        String other = topic(residentOf(theirs, "res-t-" + suffix), "theirs");
        String ourMeeting = meeting(workerOf(ours), "ours", Instant.parse("2027-05-01T11:00:00Z"), mine);
        String theirMeeting = meeting(workerOf(theirs), "theirs", Instant.parse("2027-05-01T11:00:00Z"), other);

        given().auth().oauth2(residentOf(ours, "res-o-" + suffix)).get("/api/deliberation/topics")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(mine));
        given().auth().oauth2(workerOf(theirs)).get("/api/deliberation/topics")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(other));
        given().auth().oauth2(residentOf(ours, "res-o-" + suffix)).get("/api/deliberation/meetings")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(ourMeeting))
                .body("items.topicIds", everyItem(contains(mine)));
        given().auth().oauth2(residentOf(theirs, "res-t-" + suffix)).get("/api/deliberation/meetings")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(theirMeeting));
        given().auth().oauth2(residentOf(ours, "res-o-" + suffix)).get("/api/deliberation/topics/" + other)
                .then().statusCode(404).contentType("application/problem+json");
        // the default community's lists, paged to the end, hold neither
        for (String path : List.of("/api/deliberation/topics", "/api/deliberation/meetings")) {
            long total = given().auth().oauth2(DevTokens.worker()).get(path + "?size=1")
                    .then().statusCode(200).extract().jsonPath().getLong("total");
            for (int page = 0; page * 100L < total; page++) {
                given().auth().oauth2(DevTokens.worker()).get(path + "?size=100&page=" + page)
                        .then().statusCode(200)
                        .body("items.id", not(hasItem(mine))).body("items.id", not(hasItem(other)))
                        .body("items.id", not(hasItem(ourMeeting))).body("items.id", not(hasItem(theirMeeting)));
            }
        }
    }
}
