package org.gongzhi.request.hall;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.request.Fixtures.residentOf;
import static org.gongzhi.request.Fixtures.sql;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A long discussion does not make a topic, or a page of topics, grow: a topic shows its newest 20 comments and how
 * many there are, and the whole discussion is paged, oldest first, to the topic's community only.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class TopicDiscussionTest {
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String community = "talk-" + suffix;
    private final String resident = residentOf(community, "res-" + suffix);
    private String topicId;

    private String topic(String title) {
        return given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"title\": \"" + title + "\", \"description\": \"about " + title + "\"}")
                .post("/api/deliberation/topics").then().statusCode(201).extract().path("id");
    }

    /**
     * Comments "comment 1" … "comment n", a minute apart, "comment 7" and "comment 40" hidden (when there are so
     * many), and "comment 44" a reply to "comment 3".
     */
    private static void discussion(String topicId, int n) {
        sql("""
                insert into topic_comment (id, topic_id, author, text, hidden, hidden_reason, created_at)
                select gen_random_uuid(), '%s', 'res-' || (n %% 3), 'comment ' || n, n in (7, 40),
                       case when n in (7, 40) then 'insulting a neighbour' end,
                       timestamptz '2026-11-01 10:00+08' + make_interval(mins => n)
                from generate_series(1, %d) as n""".formatted(topicId, n));
        sql("""
                update topic_comment set parent_id = (select id from topic_comment where topic_id = '%1$s'
                                                      and text = 'comment 3')
                where topic_id = '%1$s' and text = 'comment 44'""".formatted(topicId));
    }

    private static List<String> texts(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> i == 7 || i == 40 ? null : "comment " + i).toList();
    }

    private JsonPath comments(String query) {
        return given().auth().oauth2(resident).get("/api/deliberation/topics/" + topicId + "/comments" + query)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @BeforeEach
    void longDiscussion() {
        topicId = topic("北巷停车");
        discussion(topicId, 45);
    }

    @Test
    void aTopicShowsItsNewest20CommentsInOrderAndHowManyThereAre() {
        JsonPath topic = given().auth().oauth2(resident).get("/api/deliberation/topics/" + topicId)
                .then().statusCode(200).body("commentCount", equalTo(45)).body("comments", hasSize(20))
                .extract().jsonPath();
        assertThat(topic.getList("comments.text")).isEqualTo(texts(26, 45));
        assertThat(topic.getBoolean("comments.find { it.hiddenReason != null }.hidden")).isTrue();
        assertThat(topic.getString("comments.find { it.hidden }.hiddenReason")).isEqualTo("insulting a neighbour");
        // a reply to a comment older than the newest 20 still names it; the endpoint has it
        String third = comments("").getString("items.find { it.text == 'comment 3' }.id");
        assertThat(topic.getString("comments.find { it.text == 'comment 44' }.parentId")).isEqualTo(third);
    }

    @Test
    void eachTopicOfAPageShowsItsOwnNewest20AndItsCount() {
        String quiet = topic("广场舞时间");
        discussion(quiet, 3);
        String silent = topic("楼道清理");

        JsonPath page = given().auth().oauth2(resident).get("/api/deliberation/topics")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.id", contains(silent, quiet, topicId))
                .body("items.commentCount", contains(0, 3, 45))
                .extract().jsonPath();
        assertThat(page.getList("items[0].comments")).isEmpty();
        assertThat(page.getList("items[1].comments.text")).containsExactly("comment 1", "comment 2", "comment 3");
        assertThat(page.getList("items[2].comments.text")).isEqualTo(texts(26, 45));
        assertThat(page.getMap("items[2]")).isEqualTo(given().auth().oauth2(resident)
                .get("/api/deliberation/topics/" + topicId).then().statusCode(200).extract().jsonPath().getMap(""));
    }

    @Test
    void theWholeDiscussionIsPagedOldestFirstAHiddenCommentWithoutItsText() {
        List<String> read = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath body = comments("?size=20&page=" + page);
            assertThat(body.getInt("page")).isEqualTo(page);
            assertThat(body.getInt("size")).isEqualTo(20);
            assertThat(body.getLong("total")).isEqualTo(45);
            assertThat(body.getList("items")).hasSize(page < 2 ? 20 : 5);
            read.addAll(body.getList("items.text"));
        }
        assertThat(read).isEqualTo(texts(1, 45));
        given().auth().oauth2(resident).get("/api/deliberation/topics/" + topicId + "/comments?size=20&page=3")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(45)).body("page", equalTo(3));

        JsonPath first = comments("");
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(20);
        assertThat(first.getList("items.text")).isEqualTo(texts(1, 20));
        assertThat(first.getString("items[6].text")).isNull();
        assertThat(first.getBoolean("items[6].hidden")).isTrue();
        assertThat(first.getString("items[6].hiddenReason")).isEqualTo("insulting a neighbour");
        assertThat(first.getString("items[0].author")).isEqualTo("res-1");
        // the worker who hid it does not see the text either
        given().auth().oauth2(DevTokens.token("worker", "worker-of-" + community, Map.of("community", community)))
                .get("/api/deliberation/topics/" + topicId + "/comments?size=10")
                .then().statusCode(200).body("items[6].text", nullValue()).body("items[6].hidden", equalTo(true));
    }

    @Test
    void aReplyToAnOldCommentIsTheNewestAndThePagesEndWithIt() {
        String second = comments("?size=2").getString("items[1].id");
        given().auth().oauth2(resident).contentType(ContentType.JSON)
                .body("{\"text\": \"agreed, east side\", \"parentId\": \"" + second + "\"}")
                .post("/api/deliberation/topics/" + topicId + "/comments")
                .then().statusCode(200).body("commentCount", equalTo(46)).body("comments", hasSize(20))
                .body("comments[19].text", equalTo("agreed, east side"))
                .body("comments[19].parentId", equalTo(second))
                .body("comments[0].text", equalTo("comment 27"));
        given().auth().oauth2(resident).get("/api/deliberation/topics/" + topicId + "/comments?page=2")
                .then().statusCode(200).body("total", equalTo(46)).body("items", hasSize(6))
                .body("items[5].text", equalTo("agreed, east side")).body("items[5].parentId", equalTo(second));
    }

    @Test
    void anotherCommunitysDiscussionIsNotFoundAndABadPageOrSizeIs400() {
        given().auth().oauth2(residentOf("elsewhere-" + suffix, "res-x-" + suffix))
                .get("/api/deliberation/topics/" + topicId + "/comments")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(resident).get("/api/deliberation/topics/" + UUID.randomUUID() + "/comments")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.partner("property"))
                .get("/api/deliberation/topics/" + topicId + "/comments")
                .then().statusCode(403).contentType("application/problem+json");
        String path = "/api/deliberation/topics/" + topicId + "/comments";
        for (String query : List.of("page=-1", "size=0", "size=101", "page=-1&size=500")) {
            String[] fields = query.contains("&") ? new String[] {"page", "size"}
                    : new String[] {query.substring(0, query.indexOf('='))};
            given().auth().oauth2(resident).get(path + "?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("instance", equalTo(path))
                    .body("errors.field", containsInAnyOrder(fields));
        }
    }
}
