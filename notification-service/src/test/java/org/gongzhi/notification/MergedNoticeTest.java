package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.RequestAcknowledged;
import org.gongzhi.events.RequestRecategorised;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.junit.jupiter.api.Test;

/**
 * A merged resident is told of the merge and from then on hears of the master's progress; the board shows the
 * duplicate as merged and follows a re-triage without losing the submission time.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class MergedNoticeTest {
    @Inject
    Publisher publisher;

    @Inject
    Clock clock;

    private static String resident(String subject, String community) {
        return DevTokens.token("resident", subject, Map.of("community", community));
    }

    private static String worker(String community) {
        return DevTokens.token("worker", "worker-of-" + community, Map.of("community", community));
    }

    private RequestSubmitted submitted(String community, String id, String resident, Instant at) {
        return new RequestSubmitted(community, id, "water-leak", "7", "1", null, "NORMAL", List.of("ALLIANCE"),
                "leak", "app", at.plusSeconds(3600), at.plusSeconds(86400), at, resident);
    }

    @Test
    void aMergedResidentIsToldAndHearsOfTheMastersProgressUntilItsReturnVisit() {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        String chen = "chen-" + UUID.randomUUID();
        String wu = "wu-" + UUID.randomUUID();
        String master = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        Instant now = clock.instant();
        publisher.publish(submitted(town, master, chen, now));
        publisher.publish(submitted(town, duplicate, wu, now));
        publisher.publish(new RequestStatusChanged(town, duplicate, "water-leak", "7", "ASSIGNED", "MERGED",
                "merged into " + master, now.plusSeconds(1), master));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(wu, town))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].title", equalTo("诉求已合并办理"))
                .body("items[0].requestId", equalTo(duplicate)));
        // the board leaves the merged one out of the open list and counts it on its master
        given().auth().oauth2(worker(town)).get("/api/dashboard/requests").then().statusCode(200)
                .body("items.id", equalTo(List.of(master))).body("items[0].mergedReports", equalTo(1));

        publisher.publish(new RequestStatusChanged(town, master, "water-leak", "7", "ASSIGNED", "IN_PROGRESS", null,
                now.plusSeconds(2)));
        publisher.publish(new RequestStatusChanged(town, master, "water-leak", "7", "IN_PROGRESS", "RESOLVED", null,
                now.plusSeconds(3)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(wu, town))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.title", hasItem("诉求已办结（与您的诉求合并办理）"))
                .body("items.title", hasItem("诉求办理中（与您的诉求合并办理）")));
        // the master's own resident hears of it once, as always
        given().auth().oauth2(resident(chen, town)).get("/api/notices/me").then()
                .body("total", equalTo(2)).body("items.title", not(hasItem("诉求已合并办理")));
    }

    @Test
    void theBoardFollowsAReTriageAndAResponseToARoutedRequest() {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        String resident = "li-" + UUID.randomUUID();
        Instant submittedAt = clock.instant().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        publisher.publish(submitted(town, id, resident, submittedAt));
        publisher.publish(new RequestStatusChanged(town, id, "water-leak", "7", "SUBMITTED", "ASSIGNED", null,
                submittedAt.plusSeconds(1)));
        Instant resolveBy = submittedAt.plusSeconds(7200);
        publisher.publish(new RequestRecategorised(town, id, "old-wiring", "water-leak", "7", "URGENT",
                List.of("ALLIANCE"), List.of(), List.of(), submittedAt.plusSeconds(1800), resolveBy, "ASSIGNED",
                clock.instant()));
        publisher.publish(new RequestAcknowledged(town, id, "old-wiring", "7", "ASSIGNED", clock.instant()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(worker(town))
                .get("/api/dashboard/requests").then().statusCode(200)
                .body("items[0].category", equalTo("old-wiring")).body("items[0].urgency", equalTo("URGENT"))
                .body("items[0].status", equalTo("ASSIGNED"))
                .body("items[0].resolveBy", equalTo(resolveBy.toString()))
                .body("items[0].submittedAt", equalTo(submittedAt.toString()))
                .body("items[0].respondedAt", not(equalTo(null))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(resident, town))
                .get("/api/notices/me").then().body("items.title", hasItem("诉求已响应")));
    }
}
