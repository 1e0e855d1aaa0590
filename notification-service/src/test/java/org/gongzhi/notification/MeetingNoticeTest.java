package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.MeetingConvened;
import org.gongzhi.events.TaskEscalated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whistle's joint meeting reaches everyone called to it, once: each party (its contacts by SMS and email when it
 * gave their addresses, else its inbox; its webhook), the community secretary by SMS and email, and the dashboard.
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class MeetingNoticeTest {
    /** The community whose secretary the test profile configures. */
    private static final String TOWN = "esc-town";
    private static final String SECRETARY_MAIL = "secretary@esc-town.example";
    private static final String CONVENED = "gongzhi.meeting.convened.v1";

    @Inject
    Publisher publisher;

    @Inject
    Clock clock;

    WebhookReceiver receiver;

    @BeforeEach
    void receive() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static String partner(String org) {
        return DevTokens.token("partner", "partner-" + org, Map.of("org", org, "community", TOWN));
    }

    @Test
    void everyPartyAndTheSecretaryHearOfTheMeetingOnceAndTheDashboardShowsIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String category = "leak-" + suffix;
        String property = "property-" + suffix;
        String water = "water-" + suffix;
        String stranger = "police-" + suffix;
        String wang = "c-wang-" + suffix;
        String wangPhone = "+86137" + (10000000 + (int) (Math.random() * 89999999));
        String wangMail = "wang-" + suffix + "@property.example";
        given().auth().oauth2(partner(property)).contentType("application/json")
                .body(Map.of("name", "王经理", "phone", wangPhone, "email", wangMail))
                .put("/api/notices/contacts/{id}", wang).then().statusCode(200);
        for (String org : List.of(water, stranger)) {
            given().auth().oauth2(partner(org)).contentType("application/json")
                    .body(Map.of("url", receiver.url("/" + org), "eventTypes", List.of(CONVENED)))
                    .post("/api/webhooks").then().statusCode(201);
        }

        Instant now = clock.instant();
        String requestId = UUID.randomUUID().toString();
        Instant startsAt = Instant.parse("2026-12-07T06:30:00Z"); // 14:30 in Beijing
        MeetingConvened meeting = new MeetingConvened(TOWN, UUID.randomUUID().toString(), requestId, 1,
                UUID.randomUUID().toString(), category, "7", property, List.of(property, water), startsAt,
                "esc-town community office, room 2", TaskEscalated.MISSED_ACKNOWLEDGE, now.minus(Duration.ofHours(5)),
                now, Map.of(property, "和平物业", water, "自来水公司"));
        String eventId = UUID.randomUUID().toString();
        publisher.publish(eventId, meeting);
        publisher.publish(eventId, meeting);

        // the lead's contact, by the address it gave; the support party, which gave none, in its inbox
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(partner(property))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].kind", equalTo("meeting"))
                .body("items[0].requestId", equalTo(requestId))
                .body("items[0].contactId", equalTo(wang))
                .body("items[0].urgent", equalTo(true))
                .body("items[0].body", containsString("王经理"))
                .body("items[0].body", containsString("7号楼 " + category))
                .body("items[0].body", containsString("12/7 14:30"))
                .body("items[0].body", containsString("esc-town community office, room 2"))
                .body("items[0].body", containsString("牵头单位 和平物业"))
                .body("items[0].body", containsString("参加：和平物业、自来水公司、社区书记"))
                .body("items[0].body", containsString("with 和平物业, 自来水公司 and the community secretary"))
                .body("items[0].body", containsString("社区书记"))
                .body("items[0].deliveries.status", equalTo(List.of("SENT", "SENT"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(partner(water))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].kind", equalTo("meeting"))
                .body("items[0].title", containsString("吹哨报到")));
        // the party's webhook gets the event; a partner not called to it gets neither notice nor message
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/" + water).size() == 1);
        assertThat(receiver.received("/" + water).get(0).body()).contains(requestId);
        given().auth().oauth2(partner(stranger)).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(0));
        assertThat(receiver.received("/" + stranger)).isEmpty();

        // the secretary, by SMS and email, once
        Path sink = Path.of("target/notice-sink.jsonl");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Files.exists(sink)).as("the SMS sink was written").isTrue();
            assertThat(Files.readAllLines(sink).stream()
                    .filter(l -> l.contains("张书记") && l.contains(category) && l.contains("联合会商"))).hasSize(1);
            assertThat(Files.readAllLines(sink).stream().filter(l -> l.contains(wangPhone))).hasSize(1);
            assertThat(SmtpServer.RECEIVED.stream().filter(m -> m.to().contains(SECRETARY_MAIL)
                    && m.header("Subject").startsWith("吹哨报到"))).hasSize(1);
            assertThat(SmtpServer.RECEIVED.stream().filter(m -> m.to().contains(wangMail))).hasSize(1);
        });

        // the dispatcher's feed shows the meeting once, with the request it is about
        String worker = DevTokens.token("worker", "worker-" + suffix, Map.of("community", TOWN));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(worker)
                .queryParam("size", 200).get("/api/dashboard/feed").then().statusCode(200)
                .body("findAll { it.type == '%s' && it.data.requestId == '%s' }.size()".formatted(CONVENED, requestId),
                        equalTo(1)));
    }
}
