package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
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
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.WarningIssued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A weather warning reaches every resident who opted in and every partner contact on duty (their organisation's inbox
 * and its subscribed webhooks), once; email goes over SMTP to a real SMTP server process, after quiet hours unless
 * urgent.
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class BroadcastAndEmailTest {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    Publisher publisher;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    WebhookReceiver receiver;

    @BeforeEach
    void receive() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static String resident(String subject) {
        return DevTokens.token("resident", subject, Map.of());
    }

    private static List<SmtpServer.Message> mailTo(String address) {
        return SmtpServer.RECEIVED.stream().filter(m -> m.to().contains(address)).toList();
    }

    @Test
    void aWarningReachesOptedInResidentsAndEveryOnDutyContactOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String police = "police-" + suffix;
        String property = "property-" + suffix;
        String bystander = "school-" + suffix;
        String mei = "mei-" + UUID.randomUUID();
        String meiMail = "mei-" + suffix + "@example.org";
        given().auth().oauth2(resident(mei)).contentType("application/json")
                .body(Map.of("language", "zh-CN", "email", true, "emailAddress", meiMail, "warnings", true))
                .put("/api/notices/me/preferences").then().statusCode(200);
        String hook = given().auth().oauth2(DevTokens.partner(police)).contentType("application/json")
                .body(Map.of("url", receiver.url("/police"), "eventTypes", List.of("gongzhi.warning.issued.v1")))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");

        String integrator = given().auth().oauth2(DevTokens.admin()).contentType("application/json")
                .body(Map.of("url", receiver.url("/integrator"), "eventTypes", List.of("gongzhi.warning.issued.v1")))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");

        Instant now = clock.instant();
        WarningIssued warning = new WarningIssued(DevTokens.COMMUNITY, "w-" + suffix, "rainstorm", "red", now,
                now.plusSeconds(6 * 3600), now, List.of(
                        new WarningIssued.OnDuty(police, "社区民警", "c-zhang-" + suffix, "张警官", "night"),
                        new WarningIssued.OnDuty(police, "社区民警", "c-li-" + suffix, "李警官", "day"),
                        new WarningIssued.OnDuty(property, "和平物业", "c-wu-" + suffix, "吴经理", "day")));
        String eventId = publisher.publish(warning);
        publisher.publish(eventId, warning); // redelivered: nothing twice

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.partner(police))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.contactId", org.hamcrest.Matchers.containsInAnyOrder("c-zhang-" + suffix,
                        "c-li-" + suffix))
                .body("items[0].organisationId", equalTo(police))
                .body("items[0].kind", equalTo("warning.on-duty"))
                .body("items[0].urgent", equalTo(true))
                .body("items[0].title", startsWith("暴雨红色预警")));
        given().auth().oauth2(DevTokens.partner(police)).queryParam("contact", "c-li-" + suffix)
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].body", containsString("李警官"));
        given().auth().oauth2(DevTokens.partner(property)).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].contactId", equalTo("c-wu-" + suffix))
                .body("items[0].body", containsString("吴经理"));
        given().auth().oauth2(DevTokens.partner(bystander)).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(0));

        // the opted-in resident: in the app and by email at once (urgent), over SMTP
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(mei))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].kind", equalTo("warning"))
                .body("items[0].deliveries[0].channel", equalTo("email"))
                .body("items[0].deliveries[0].status", equalTo("SENT")));
        List<SmtpServer.Message> mails = mailTo(meiMail);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).header("Subject")).isEqualTo("暴雨红色预警");
        assertThat(mails.get(0).header("X-Gongzhi-Delivery")).isNotBlank();
        assertThat(mails.get(0).from()).isEqualTo("noreply@gongzhi.local");

        // the police's subscribed webhook got it once
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/police").size() == 1);
        assertThat(receiver.received("/police").get(0).id()).isEqualTo("msg_" + eventId);
        // a partner sees only its own people on duty; an integrator's endpoint (no organisation) sees them all
        assertThat(receiver.received("/police").get(0).body()).contains("c-zhang-" + suffix, "c-li-" + suffix)
                .doesNotContain("c-wu-" + suffix);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/integrator").stream()
                .anyMatch(r -> r.id().equals("msg_" + eventId)));
        assertThat(receiver.received("/integrator").stream().filter(r -> r.id().equals("msg_" + eventId)))
                .singleElement().satisfies(r -> assertThat(r.body()).contains("c-zhang-" + suffix, "c-wu-" + suffix));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(DevTokens.partner(police))
                .get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200)
                .body("status", equalTo(List.of("SUCCEEDED"))));
        assertThat(receiver.received("/police")).hasSize(1);
        assertThat(mailTo(meiMail)).hasSize(1);
        // these receivers close with the test: their endpoints go too
        given().auth().oauth2(DevTokens.admin()).delete("/api/webhooks/{id}", integrator).then().statusCode(204);
        given().auth().oauth2(DevTokens.partner(police)).delete("/api/webhooks/{id}", hook).then().statusCode(204);
    }

    /**
     * A whole community opted in: one notice each, written one after the other. A chain folded resident by resident
     * was as deep as the community; subscribing to it overflowed the 512 KiB stack, the Uni never completed and the
     * consumer's transaction hung open, with no notice written and the warnings topic wedged.
     */
    @Test
    void aWarningReachesAThousandOptedInResidentsInOneTransaction() {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        String police = "police-" + town;
        pool.preparedQuery("""
                        insert into resident_preference (resident_id, community_id, language, warnings, updated_at)
                        select $1 || '-' || lpad(n::text, 4, '0'), $2, 'zh-CN', true, now()
                        from generate_series(1, 1000) n""")
                .execute(Tuple.of("crowd-" + town, town)).await().indefinitely();

        Instant now = clock.instant();
        String eventId = publisher.publish(new WarningIssued(town, "w-" + town, "wind", "orange", now,
                now.plusSeconds(3600), now, List.of(new WarningIssued.OnDuty(police, "社区民警", "c-" + town, "王警官",
                        "day"))));

        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from notice where event_id = $1",
                eventId) == 1001);
        assertThat(count("select count(*) from notice where event_id = $1 and kind = 'warning'", eventId))
                .isEqualTo(1000);
        assertThat(count("""
                select count(*) from processed_event
                where consumer = 'notification-service.warnings' and event_id = $1""", eventId)).isEqualTo(1);
        given().auth().oauth2(DevTokens.token("resident", "crowd-" + town + "-1000", Map.of("community", town)))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].title", startsWith("大风橙色预警"));
        given().auth().oauth2(DevTokens.token("partner", "partner-" + police, Map.of("org", police, "community", town)))
                .get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].contactId", equalTo("c-" + town));
    }

    private long count(String sql, String eventId) {
        return pool.preparedQuery(sql).execute(Tuple.of(eventId)).await().indefinitely().iterator().next()
                .getLong(0);
    }

    @Test
    void emailWaitsForQuietHoursUnlessUrgent() {
        String lan = "lan-" + UUID.randomUUID();
        String lanMail = "lan-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        String hao = "hao-" + UUID.randomUUID();
        String haoMail = "hao-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        LocalTime local = LocalTime.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        given().auth().oauth2(resident(lan)).contentType("application/json")
                .body(Map.of("language", "en", "email", true, "emailAddress", lanMail,
                        "quietFrom", local.minusHours(1).format(HH_MM), "quietUntil", local.plusHours(1).format(HH_MM)))
                .put("/api/notices/me/preferences").then().statusCode(200);
        given().auth().oauth2(resident(hao)).contentType("application/json")
                .body(Map.of("language", "en", "email", true, "emailAddress", haoMail,
                        "quietFrom", "00:00", "quietUntil", "00:00"))
                .put("/api/notices/me/preferences").then().statusCode(200);
        Instant now = clock.instant();
        String lansRequest = UUID.randomUUID().toString();
        String haosRequest = UUID.randomUUID().toString();
        for (String[] r : List.of(new String[] {lansRequest, lan}, new String[] {haosRequest, hao})) {
            publisher.publish(new RequestSubmitted(DevTokens.COMMUNITY, r[0], "noise", "4", "1", null, "NORMAL",
                    List.of("ALLIANCE"), "noise", "app", now.plusSeconds(3600), now.plusSeconds(86400), now, r[1]));
            publisher.publish(new RequestStatusChanged(DevTokens.COMMUNITY, r[0], "noise", "4", "SUBMITTED",
                    "ACKNOWLEDGED", null, now));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(hao))
                .get("/api/notices/me").then().statusCode(200)
                .body("items[0].deliveries[0].channel", equalTo("email"))
                .body("items[0].deliveries[0].status", equalTo("SENT")));
        assertThat(mailTo(haoMail)).singleElement()
                .satisfies(m -> assertThat(m.header("Subject")).isEqualTo("Request acknowledged"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(resident(lan))
                .get("/api/notices/me").then().statusCode(200)
                .body("items[0].deliveries[0].channel", equalTo("email"))
                .body("items[0].deliveries[0].status", equalTo("PENDING")));
        assertThat(mailTo(lanMail)).isEmpty();
    }
}
