package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.DecisionMade;
import org.gongzhi.events.DecisionProgressed;
import org.gongzhi.events.PatrolChecked;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskDeadlineChanged;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.events.TopicOpened;
import org.gongzhi.events.VoteClosed;
import org.gongzhi.events.VoteOpened;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.events.WarningLifted;
import org.junit.jupiter.api.Test;

/**
 * The deliberation hall, the warning banner's patrol progress and the countdown after a moved deadline, from events
 * on real Kafka; a rebuild from the log answers the same JSON from every dashboard endpoint.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class DeliberationAndWarningsTest {
    private static final List<String> MODELS = List.of("requests", "buildings", "workload", "warnings", "rates",
            "deliberation");

    @Inject
    Publisher publisher;

    @Inject
    Clock clock;

    private static String worker(String community) {
        return DevTokens.token("worker", "worker-" + community, Map.of("community", community));
    }

    private static String town() {
        return "town-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theHallShowsOpenTopicsVotesInProgressAndHowFarDecisionsAre() {
        String town = town();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String corridor = "topic-" + UUID.randomUUID();
        String parking = "topic-" + UUID.randomUUID();
        String vote = "vote-" + UUID.randomUUID();
        String parkingVote = "vote-" + UUID.randomUUID();
        publisher.publish(new TopicOpened(town, corridor, "楼道堆物清理", List.of("3", "4"), List.of("r-1", "r-2"),
                now));
        publisher.publish(new VoteOpened(town, corridor, vote, "是否统一清理楼道堆物？", "MAJORITY",
                List.of("同意", "反对"), 120, now, now.plus(Duration.ofDays(2))));
        publisher.publish(new TopicOpened(town, parking, "停车位划线", List.of("7"), List.of("r-3"), now));
        publisher.publish(new VoteOpened(town, parking, parkingVote, "划线方案", "TWO_THIRDS", List.of("A", "B"), 80,
                now, now.plus(Duration.ofDays(1))));
        publisher.publish(new VoteClosed(town, parking, parkingVote, "TWO_THIRDS", "PASSED", "A", 80, 61,
                now.plusSeconds(60)));
        publisher.publish(new DecisionMade(town, parking, "停车位划线", "按方案 A 划线", List.of("r-3"), List.of(),
                now.plusSeconds(61)));
        publisher.publish(new DecisionProgressed(town, parking, "停车位划线", 4, 1, now.plusSeconds(100)));
        publisher.publish(new DecisionProgressed(town, parking, "停车位划线", 4, 3, now.plusSeconds(300)));
        // an older report read late changes nothing
        publisher.publish(new DecisionProgressed(town, parking, "停车位划线", 4, 2, now.plusSeconds(200)));

        String token = worker(town);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/deliberation").then().statusCode(200)
                .body("topics.id", equalTo(List.of(corridor)))
                .body("topics[0].title", equalTo("楼道堆物清理"))
                .body("topics[0].voting", equalTo(true))
                .body("topics[0].buildings", equalTo(List.of("3", "4")))
                .body("topics[0].linkedRequests", equalTo(2))
                .body("votes.id", equalTo(List.of(vote)))
                .body("votes[0].topicTitle", equalTo("楼道堆物清理"))
                .body("votes[0].eligibleHouseholds", equalTo(120))
                .body("votes[0].options", equalTo(List.of("同意", "反对")))
                .body("votes[0].closesAt", equalTo(now.plus(Duration.ofDays(2)).toString()))
                .body("decisions.topicId", equalTo(List.of(parking)))
                .body("decisions[0].outcome", equalTo("按方案 A 划线"))
                .body("decisions[0].actionItemsDone", equalTo(3))
                .body("decisions[0].actionItemsTotal", equalTo(4))
                .body("decisions[0].percentDone", equalTo(75)));

        given().auth().oauth2(DevTokens.partner("property")).get("/api/dashboard/deliberation").then()
                .statusCode(403).contentType("application/problem+json");
        given().get("/api/dashboard/deliberation").then().statusCode(401);
        given().auth().oauth2(DevTokens.resident("r-1")).get("/api/dashboard/deliberation").then().statusCode(403);

        assertSameAfterRebuild(token);
    }

    @Test
    void theBannerCountsPatrolsWithoutGoingBackAndALiftedWarningLeaves() {
        String town = town();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String storm = "w-" + UUID.randomUUID();
        String heat = "w-" + UUID.randomUUID();
        publisher.publish(new WarningIssued(town, storm, "rainstorm", "red", now.minusSeconds(600),
                now.plusSeconds(6 * 3600), now.minusSeconds(600)));
        publisher.publish(new WarningIssued(town, heat, "heat", "yellow", now.minusSeconds(300),
                now.plusSeconds(6 * 3600), now.minusSeconds(300)));
        String p1 = "patrol-" + UUID.randomUUID();
        String p2 = "patrol-" + UUID.randomUUID();
        publisher.publish(new PatrolChecked(town, storm, p1, "rp-1", "3号楼地下车库", "property", "3", 2, 5, 0,
                now.plusSeconds(10)));
        PatrolChecked latest = new PatrolChecked(town, storm, p1, "rp-1", "3号楼地下车库", "property", "3", 3, 5, 1,
                now.plusSeconds(20));
        String latestId = publisher.publish(latest);
        publisher.publish(latestId, latest); // redelivered
        // an older report of the same patrol, read late, must not lower the numbers
        publisher.publish(new PatrolChecked(town, storm, p1, "rp-1", "3号楼地下车库", "property", "3", 1, 5, 0,
                now.plusSeconds(5)));
        publisher.publish(new PatrolChecked(town, storm, p2, "rp-2", "12号楼低洼处", "water", "12", 4, 4, 0,
                now.plusSeconds(30)));

        String token = worker(town);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/warnings").then().statusCode(200)
                .body("id", equalTo(List.of(heat, storm)))
                .body("[1].patrols.patrols", equalTo(2))
                .body("[1].patrols.completed", equalTo(1))
                .body("[1].patrols.checkpointsDone", equalTo(7))
                .body("[1].patrols.checkpointsTotal", equalTo(9))
                .body("[1].patrols.problemsFound", equalTo(1))
                .body("[0].patrols.patrols", equalTo(0)));
        assertSameAfterRebuild(token);

        publisher.publish(new WarningLifted(town, storm, "雨停", now.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/warnings").then().statusCode(200)
                .body("id", equalTo(List.of(heat))));
        assertSameAfterRebuild(token);
    }

    @Test
    void theCountdownFollowsAMovedDeadlineOfTheLeadTask() {
        String town = town();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String request = UUID.randomUUID().toString();
        String task = "t-" + request;
        publisher.publish(new RequestSubmitted(town, request, "lift-fault", "9", "2", null, "HIGH",
                List.of("ALLIANCE"), "lift stuck", "app", now.plusSeconds(3600), now.plusSeconds(86400), now,
                "resident-" + request));
        publisher.publish(new TaskAssigned(town, task, request, "lift-co", "电梯公司", "LEAD", "lift-fault", "9",
                now.plusSeconds(3600), now.plusSeconds(86400), now));
        String token = worker(town);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/requests").then().statusCode(200)
                .body("items.id", equalTo(List.of(request)))
                .body("items[0].nextDeadline", equalTo(now.plusSeconds(3600).toString())));

        Instant movedAck = now.plusSeconds(5 * 3600);
        Instant movedCompletion = now.plusSeconds(2 * 86400);
        publisher.publish(new TaskDeadlineChanged(town, task, request, "lift-co", movedAck, movedCompletion,
                "parts arrive tomorrow", now.plusSeconds(120)));
        // an older change read late is ignored
        publisher.publish(new TaskDeadlineChanged(town, task, request, "lift-co", now.plusSeconds(7200), null,
                "first estimate", now.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/requests").then().statusCode(200)
                .body("items[0].nextDeadline", equalTo(movedAck.toString()))
                .body("items[0].deadlineMovedAt", equalTo(now.plusSeconds(120).toString()))
                .body("items[0].respondBy", equalTo(now.plusSeconds(3600).toString()))
                .body("items[0].overdue", equalTo(false)));
        assertSameAfterRebuild(token);

        // a worker acknowledged it, then the lead party did (another topic): the first response is the worker's,
        // however the two topics interleave on a replay; the countdown moves on to the moved completion
        publisher.publish(new RequestStatusChanged(town, request, "lift-fault", "9", "SUBMITTED", "ACKNOWLEDGED",
                null, now.plusSeconds(130)));
        publisher.publish(new TaskStatusChanged(town, task, request, "lift-co", "LEAD", "ACKNOWLEDGED", null,
                now.plusSeconds(140)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/requests").then().statusCode(200)
                .body("items[0].status", equalTo("ACKNOWLEDGED"))
                .body("items[0].respondedAt", equalTo(now.plusSeconds(130).toString()))
                .body("items[0].nextDeadline", equalTo(movedCompletion.toString())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/workload").then().statusCode(200)
                .body("parties.find { it.organisationId == 'lift-co' }.open", equalTo(1)));
        assertSameAfterRebuild(token);
    }

    /**
     * Replaying into emptied read models answers the same JSON from every dashboard endpoint: from the event log, and
     * from the Kafka topics read from the start (topic after topic, requests last).
     */
    static void assertSameAfterRebuild(String token) {
        List<String> before = models(token);
        given().auth().oauth2(DevTokens.admin()).post("/api/dashboard/rebuild").then().statusCode(200)
                .body("events", notNullValue());
        assertThat(models(token)).isEqualTo(before);
        given().auth().oauth2(DevTokens.admin()).queryParam("from", "topics").post("/api/dashboard/rebuild").then()
                .statusCode(200).body("fromTopics", notNullValue());
        assertThat(models(token)).isEqualTo(before);
    }

    private static List<String> models(String token) {
        return MODELS.stream().map(m -> given().auth().oauth2(token).get("/api/dashboard/" + m)
                .then().statusCode(200).extract().asString()).toList();
    }
}
