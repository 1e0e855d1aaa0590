package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.DecisionMade;
import org.gongzhi.events.DecisionProgressed;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.WarningIssued;
import org.junit.jupiter.api.Test;

/** Residents hear of every step of their request once, in their language, and of warnings at once. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class NoticeTest {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    Publisher publisher;

    @Inject
    Clock clock;

    private static String resident(String subject, String community) {
        return DevTokens.token("resident", subject, Map.of("community", community));
    }

    private RequestSubmitted submitted(String community, String id, String resident) {
        Instant now = clock.instant();
        return new RequestSubmitted(community, id, "noise", "4", "1", null, "NORMAL", List.of("ALLIANCE"), "noise",
                "app", now.plusSeconds(3600), now.plusSeconds(86400), now, resident);
    }

    @Test
    void oneNoticePerStepInTheResidentsLanguageSmsAfterQuietHoursAndWarningsAtOnce() throws Exception {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice-" + UUID.randomUUID();
        String bo = "bo-" + UUID.randomUUID();
        LocalTime local = LocalTime.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        String alicePhone = "+86138" + (10000000 + (int) (Math.random() * 89999999));
        String boPhone = "+86139" + (10000000 + (int) (Math.random() * 89999999));
        // Alice is in her quiet hours now; Bo has none (from = until)
        given().auth().oauth2(resident(alice, town)).contentType("application/json")
                .body(Map.of("language", "en", "sms", true, "phone", alicePhone, "warnings", true,
                        "quietFrom", local.minusHours(1).format(HH_MM), "quietUntil", local.plusHours(1).format(HH_MM)))
                .put("/api/notices/me/preferences").then().statusCode(200).body("language", equalTo("en"));
        given().auth().oauth2(resident(bo, town)).contentType("application/json")
                .body(Map.of("language", "zh-CN", "sms", true, "phone", boPhone, "warnings", true,
                        "quietFrom", "00:00", "quietUntil", "00:00"))
                .put("/api/notices/me/preferences").then().statusCode(200);

        String alicesRequest = UUID.randomUUID().toString();
        String bosRequest = UUID.randomUUID().toString();
        publisher.publish(submitted(town, alicesRequest, alice));
        publisher.publish(submitted(town, bosRequest, bo));
        RequestStatusChanged assigned = new RequestStatusChanged(town, alicesRequest, "noise", "4", "SUBMITTED",
                "ASSIGNED", null, clock.instant());
        String twice = UUID.randomUUID().toString();
        publisher.publish(twice, assigned);
        publisher.publish(twice, assigned);
        publisher.publish(new RequestStatusChanged(town, bosRequest, "noise", "4", "SUBMITTED", "ACKNOWLEDGED", null,
                clock.instant()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(bo, town))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].title", equalTo("诉求已响应"))
                .body("items[0].requestId", equalTo(bosRequest))
                .body("items[0].deliveries[0].status", equalTo("SENT")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(alice, town))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].title", equalTo("Request assigned"))
                .body("items[0].language", equalTo("en"))
                .body("items[0].deliveries[0].channel", equalTo("sms"))
                .body("items[0].deliveries[0].status", equalTo("PENDING")));

        Instant now = clock.instant();
        publisher.publish(new WarningIssued(town, "w-" + town, "rainstorm", "red", now, now.plusSeconds(6 * 3600),
                now));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(alice, town))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].kind", equalTo("warning"))
                .body("items[0].urgent", equalTo(true))
                .body("items[0].deliveries[0].status", equalTo("SENT")));
        given().auth().oauth2(resident(bo, town)).get("/api/notices/me").then()
                .body("items.title", hasItem("暴雨红色预警"));

        // what the SMS gateway would have been sent is in the local sink
        Path sink = Path.of("target/notice-sink.jsonl");
        List<String> lines = Files.readAllLines(sink);
        assertThat(lines).anyMatch(l -> l.contains(boPhone) && l.contains("诉求已响应"));
        assertThat(lines).anyMatch(l -> l.contains(alicePhone) && l.contains("Weather warning"));
        assertThat(lines).noneMatch(l -> l.contains(alicePhone) && l.contains("Request assigned"));
    }

    @Test
    void aResidentsInboxIsOfTheirCommunityOnly() {
        // the same person (one subject) signed in to another community sees none of this community's notices
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        String elsewhere = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
        String carl = "carl-" + UUID.randomUUID();
        String request = UUID.randomUUID().toString();
        publisher.publish(submitted(town, request, carl));
        publisher.publish(new RequestStatusChanged(town, request, "noise", "4", "SUBMITTED", "ASSIGNED", null,
                clock.instant()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(carl, town))
                .get("/api/notices/me").then().statusCode(200).body("items.requestId", hasItem(request)));
        given().auth().oauth2(resident(carl, elsewhere)).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void onlyResidentsHaveAnInboxAndBadPreferencesAreRefused() {
        given().get("/api/notices/me").then().statusCode(401);
        given().auth().oauth2(DevTokens.worker()).get("/api/notices/me").then().statusCode(403);
        given().auth().oauth2(DevTokens.resident("r-new")).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(DevTokens.resident("r-new")).contentType("application/json")
                .body(Map.of("sms", true)).put("/api/notices/me/preferences").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("phone"));
        given().auth().oauth2(DevTokens.resident("r-new")).contentType("application/json")
                .body(Map.of("language", "fr")).put("/api/notices/me/preferences").then().statusCode(400)
                .contentType("application/problem+json");
        // a bad query parameter is named as the client sent it
        given().auth().oauth2(DevTokens.resident("r-new")).queryParam("size", 1000).get("/api/notices/me")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void everyResidentADecisionConcernsIsToldOnceEvenWhenNamedTwiceAndTheEventArrivesTwice() {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        String voter = "voter-" + UUID.randomUUID();
        String complainant = "complainant-" + UUID.randomUUID();
        // the voter also raised one of the linked requests, so the hall names them twice
        DecisionMade decided = new DecisionMade(town, "topic-" + town, "北巷夜间停车怎么管", "按方案 A 划线",
                List.of("r-1", "r-2"), List.of(voter, complainant, voter), clock.instant());
        String eventId = UUID.randomUUID().toString();
        publisher.publish(eventId, decided);
        publisher.publish(eventId, decided);
        // same topic, same partition, after both deliveries: once the dashboard shows it, both have been handled
        publisher.publish(new DecisionProgressed(town, "topic-" + town, "北巷夜间停车怎么管", 2, 1, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.token("worker", "worker-" + town, Map.of("community", town)))
                        .get("/api/dashboard/deliberation").then().statusCode(200)
                        .body("decisions[0].actionItemsDone", equalTo(1)));

        for (String resident : List.of(voter, complainant)) {
            given().auth().oauth2(resident(resident, town)).get("/api/notices/me").then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].kind", equalTo("decision"));
        }
    }
}
