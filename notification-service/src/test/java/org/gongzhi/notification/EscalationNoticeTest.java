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
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TaskEscalated;
import org.junit.jupiter.api.Test;

/**
 * Each escalation step reaches the person it names: the organisation's backup contact in its inbox, the community
 * secretary configured for the community by SMS and by email over SMTP — once, even when the event is
 * delivered twice.
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class EscalationNoticeTest {
    /** The community whose secretary the test profile configures. */
    private static final String TOWN = "esc-town";
    private static final String SECRETARY_PHONE = "+8613800000021";
    private static final String SECRETARY_MAIL = "secretary@esc-town.example";

    @Inject
    Publisher publisher;

    @Inject
    Clock clock;

    private static String partner(String org) {
        return DevTokens.token("partner", "partner-" + org, Map.of("org", org, "community", TOWN));
    }

    @Test
    void eachStepReachesTheNamedPersonOnceWithTheRequestWhatWasMissedAndSinceWhen() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String category = "leak-" + suffix;
        String property = "property-" + suffix;
        String backupId = "c-zhao-" + suffix;
        String alice = "alice-" + suffix;
        String requestId = UUID.randomUUID().toString();
        String taskId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant acknowledgeBy = now.minus(Duration.ofMinutes(30));
        publisher.publish(new RequestSubmitted(TOWN, requestId, category, "7", "2", null, "HIGH", List.of("ALLIANCE"),
                "water from the ceiling", "app", acknowledgeBy, now.plus(Duration.ofDays(1)),
                now.minus(Duration.ofHours(1)), alice));

        // level 1: the backup contact of the shift on duty, by id, in the organisation's inbox
        publisher.publish(new TaskEscalated(TOWN, taskId, requestId, property, 1, "not acknowledged", now, category,
                "7", TaskEscalated.MISSED_ACKNOWLEDGE, acknowledgeBy, TaskEscalated.NOTIFY_BACKUP, backupId, "赵师傅"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(partner(property))
                .queryParam("contact", backupId).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].kind", equalTo("escalated.backup"))
                .body("items[0].requestId", equalTo(requestId))
                .body("items[0].contactId", equalTo(backupId))
                .body("items[0].urgent", equalTo(true))
                .body("items[0].body", containsString("赵师傅"))
                .body("items[0].body", containsString("7号楼 " + category))
                .body("items[0].body", containsString("未按时响应"))
                .body("items[0].body", containsString("not acknowledged since")));

        // level 2: the community secretary, delivered twice with the same event id
        String eventId = UUID.randomUUID().toString();
        TaskEscalated toSecretary = new TaskEscalated(TOWN, taskId, requestId, property, 2, "not acknowledged",
                now.plus(Duration.ofHours(1)), category, "7", TaskEscalated.MISSED_ACKNOWLEDGE, acknowledgeBy,
                TaskEscalated.NOTIFY_SECRETARY, null, null);
        publisher.publish(eventId, toSecretary);
        publisher.publish(eventId, toSecretary);
        // a later event of the same request (same partition) shows the duplicate has been read
        publisher.publish(new TaskEscalated(TOWN, taskId, requestId, property, 3, "joint meeting",
                now.plus(Duration.ofHours(4)), category, "7", TaskEscalated.MISSED_ACKNOWLEDGE, acknowledgeBy,
                TaskEscalated.NOTIFY_WHISTLE, null, null));
        String worker = DevTokens.token("worker", "worker-" + suffix, Map.of("community", TOWN));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(worker)
                .queryParam("size", 200).get("/api/dashboard/feed").then().statusCode(200)
                .body("findAll { it.data.requestId == '%s' && it.data.level == 3 }.size()".formatted(requestId),
                        equalTo(1)));
        given().auth().oauth2(worker).queryParam("size", 200).get("/api/dashboard/feed").then().statusCode(200)
                .body("findAll { it.data.requestId == '%s' && it.data.level == 2 }.size()".formatted(requestId),
                        equalTo(1));

        Path sink = Path.of("target/notice-sink.jsonl");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // the sink appears with the first SMS any test sends: on a fresh clone that may be this one
            assertThat(Files.exists(sink)).as("the SMS sink was written").isTrue();
            assertThat(Files.readAllLines(sink).stream()
                    .filter(l -> l.contains(SECRETARY_PHONE) && l.contains(category))).hasSize(1);
            assertThat(SmtpServer.RECEIVED.stream().filter(m -> m.to().contains(SECRETARY_MAIL))).hasSize(1);
        });
        SmtpServer.Message mail = SmtpServer.RECEIVED.stream().filter(m -> m.to().contains(SECRETARY_MAIL))
                .findFirst().orElseThrow();
        assertThat(mail.header("Subject")).isEqualTo("任务升级（书记督办）· Escalated to you (community secretary)");
        String sms = Files.readAllLines(sink).stream()
                .filter(l -> l.contains(SECRETARY_PHONE) && l.contains(category)).findFirst().orElseThrow();
        assertThat(sms).contains("张书记").contains("7号楼 " + category).contains(property).contains("未按时响应")
                .contains("not acknowledged since");
        // the backup contact (whose organisation gave no address here) and the whistle send no SMS
        assertThat(Files.readAllLines(sink).stream().filter(l -> l.contains(category))).hasSize(1);
        // the partner's inbox holds only its backup contact's notice, not the secretary's
        given().auth().oauth2(partner(property)).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1));
    }
}
