package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner's live feed carries only its own organisation's task events, and resumes after Last-Event-ID. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class FeedTest {

    @TestHTTPResource("/api/partners/me/feed")
    URI feed;

    @BeforeEach
    void alliance() {
        Fixtures.leakAlliance();
        if (Fixtures.count("select count(*) from routing_rule where category = 'lift-fault'") == 0) {
            Fixtures.rule("lift-fault", List.of(), "police", List.of("property"), 10);
        }
    }

    @Test
    void aPartnersFeedShowsOnlyItsOwnTasksAndResumesAfterTheLastEventId() throws Exception {
        String requestId = UUID.randomUUID().toString();
        Fixtures.submit(requestId, "lift-fault", "7", Instant.now().plusSeconds(1800), Instant.now().plusSeconds(7200));
        Fixtures.awaitCase(requestId, 2);
        String property = Fixtures.taskOf(requestId, "property");
        String police = Fixtures.taskOf(requestId, "police");

        var replay = SseProbe.collect(feed, DevTokens.partner("property"), "0",
                events -> events.stream().anyMatch(e -> e.data().contains(property)), Duration.ofSeconds(20));
        assertThat(replay.status()).isEqualTo(200);
        SseProbe.Event assigned = replay.events().stream().filter(e -> e.data().contains(property)).findFirst()
                .orElseThrow();
        assertThat(assigned.name()).isEqualTo("gongzhi.task.assigned.v1");
        assertThat(assigned.data()).contains("\"role\":\"SUPPORT\"");
        assertThat(replay.events()).allSatisfy(e -> {
            assertThat(e.data()).doesNotContain(police).doesNotContain("phone").doesNotContain("description");
            assertThat(e.id()).isNotBlank();
        });

        given().auth().oauth2(DevTokens.partner("property")).contentType(ContentType.JSON)
                .body("{\"note\": \"technician dispatched\"}").post("/api/tasks/" + property + "/acknowledge")
                .then().statusCode(200);
        given().auth().oauth2(DevTokens.partner("police")).contentType(ContentType.JSON)
                .body("{\"note\": \"officer on site\"}").post("/api/tasks/" + police + "/acknowledge")
                .then().statusCode(200);

        var resumed = SseProbe.collect(feed, DevTokens.partner("property"), assigned.id(),
                events -> events.stream().anyMatch(e -> e.data().contains("technician dispatched")),
                Duration.ofSeconds(20));
        assertThat(resumed.events()).isNotEmpty();
        assertThat(resumed.events()).allSatisfy(e -> {
            assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(assigned.id()));
            assertThat(e.data()).doesNotContain("officer on site");
        });
        assertThat(resumed.events()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("gongzhi.task.status-changed.v1");
            assertThat(e.data()).contains("ACKNOWLEDGED").contains(property);
        });

        var policeFeed = SseProbe.collect(feed, DevTokens.partner("police"), assigned.id(),
                events -> events.stream().anyMatch(e -> e.data().contains("officer on site")),
                Duration.ofSeconds(20));
        assertThat(policeFeed.events()).anySatisfy(e -> assertThat(e.data()).contains("officer on site"));
        assertThat(policeFeed.events()).noneSatisfy(e -> assertThat(e.data()).contains("technician dispatched"));
    }

    @Test
    void aDeadlineChangeShowsInTheFeedOfThePartyWhoseTaskItIs() throws Exception {
        String requestId = UUID.randomUUID().toString();
        Fixtures.submit(requestId, "lift-fault", "7", Instant.now().plusSeconds(1800), Instant.now().plusSeconds(7200));
        Fixtures.awaitCase(requestId, 2);
        String property = Fixtures.taskOf(requestId, "property");
        Instant later = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"completeBy\": \"" + later + "\", \"reason\": \"the lift engineer comes on Monday\"}")
                .post("/api/tasks/" + property + "/deadline").then().statusCode(200);

        var feedOf = SseProbe.collect(feed, DevTokens.partner("property"), "0", events -> events.stream()
                .anyMatch(e -> e.data().contains("the lift engineer comes on Monday")), Duration.ofSeconds(20));
        assertThat(feedOf.events()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("gongzhi.task.deadline-changed.v1");
            assertThat(e.data()).contains(property).contains("the lift engineer comes on Monday")
                    .contains("\"completeBy\"");
        });
        var policeFeed = SseProbe.collect(feed, DevTokens.partner("police"), "0", events -> events.stream()
                .anyMatch(e -> e.data().contains(requestId)), Duration.ofSeconds(20));
        assertThat(policeFeed.events()).noneSatisfy(e -> assertThat(e.data()).contains("lift engineer"));
        // a token of another community that names the organisation follows none of its entries (from the start, the
        // first poll would bring them: the probe stops at the first event or after three seconds)
        var elsewhere = SseProbe.collect(feed, DevTokens.partner("elsewhere", "property"), "0",
                events -> !events.isEmpty(), Duration.ofSeconds(3));
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.events()).isEmpty();
    }

    @Test
    void onlyPartnersOpenTheFeed() throws Exception {
        assertThat(SseProbe.collect(feed, DevTokens.volunteer("v-9"), null, e -> true, Duration.ofSeconds(5))
                .status()).isEqualTo(403);
        assertThat(SseProbe.collect(feed, DevTokens.resident("r-9"), null, e -> true, Duration.ofSeconds(5))
                .status()).isEqualTo(403);
    }
    /**
     * The partner page (another origin in the local run) reads the feed with fetch and resumes it after a drop with
     * Last-Event-ID: the browser asks first whether it may send that header.
     */
    @Test
    void thePartnerPageMayResumeTheFeedFromItsOriginWithLastEventId() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,last-event-id")
                .options("/api/partners/me/feed").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("Last-Event-ID"));
    }
}
