package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

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
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.WarningIssued;
import org.junit.jupiter.api.Test;

/**
 * A partner organisation says where its contacts are reached; then a contact on duty hears of a warning by SMS and
 * email as well as in the organisation's inbox, and a backup contact of an escalation by SMS — once, even when the
 * event is delivered twice.
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class PartnerContactNoticeTest {
    @Inject
    Publisher publisher;

    @Inject
    Clock clock;

    private static String partner(String org, String town) {
        return DevTokens.token("partner", "partner-" + org, Map.of("org", org, "community", town));
    }

    private static String phone() {
        return "+86137" + (10000000 + (int) (Math.random() * 89999999));
    }

    @Test
    void onDutyContactsHearOfAWarningBySmsAndEmailAndABackupOfAnEscalationOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String town = "town-" + suffix;
        String police = "police-" + suffix;
        String wang = "c-wang-" + suffix;
        String li = "c-li-" + suffix;
        String wangPhone = phone();
        String liPhone = phone();
        String wangMail = "wang-" + suffix + "@police.example";
        given().auth().oauth2(partner(police, town)).contentType("application/json")
                .body(Map.of("name", "王警官", "phone", wangPhone, "email", wangMail))
                .put("/api/notices/contacts/{id}", wang).then().statusCode(200)
                .body("contactId", equalTo(wang)).body("phone", equalTo(wangPhone));
        given().auth().oauth2(partner(police, town)).contentType("application/json")
                .body(Map.of("name", "李警官", "phone", liPhone))
                .put("/api/notices/contacts/{id}", li).then().statusCode(200);
        given().auth().oauth2(partner(police, town)).get("/api/notices/contacts").then().statusCode(200)
                .body("contactId", equalTo(List.of(li, wang)));

        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        WarningIssued warning = new WarningIssued(town, "w-" + suffix, "rainstorm", "orange", now,
                now.plusSeconds(6 * 3600), now, List.of(
                        new WarningIssued.OnDuty(police, "派出所", wang, "王警官", "duty"),
                        new WarningIssued.OnDuty(police, "派出所", li, "李警官", "backup")));
        publisher.publish(eventId, warning);
        publisher.publish(eventId, warning);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(partner(police, town))
                .queryParam("contact", wang).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].kind", equalTo("warning.on-duty"))
                .body("items[0].deliveries", hasSize(2))
                .body("items[0].deliveries.status", equalTo(List.of("SENT", "SENT"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(partner(police, town))
                .queryParam("contact", li).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].deliveries.channel", equalTo(List.of("sms")))
                .body("items[0].deliveries.status", equalTo(List.of("SENT"))));

        // a backup of an escalation of the same organisation, delivered twice
        String escalationId = UUID.randomUUID().toString();
        String requestId = UUID.randomUUID().toString();
        TaskEscalated toBackup = new TaskEscalated(town, UUID.randomUUID().toString(), requestId, police, 1,
                "not acknowledged", now, "noise-" + suffix, "3", TaskEscalated.MISSED_ACKNOWLEDGE,
                now.minus(Duration.ofMinutes(10)), TaskEscalated.NOTIFY_BACKUP, li, "李警官");
        publisher.publish(escalationId, toBackup);
        publisher.publish(escalationId, toBackup);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(partner(police, town))
                .queryParam("contact", li).get("/api/notices/me").then().statusCode(200)
                .body("total", equalTo(2)).body("items.kind", hasItem("escalated.backup"))
                .body("items[0].deliveries.status", equalTo(List.of("SENT"))));

        Path sink = Path.of("target/notice-sink.jsonl");
        List<String> lines = Files.readAllLines(sink);
        assertThat(lines.stream().filter(l -> l.contains(wangPhone))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.contains(wangPhone) && l.contains("暴雨橙色预警"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.contains(liPhone) && l.contains("暴雨橙色预警"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.contains(liPhone) && l.contains("noise-" + suffix))).hasSize(1);
        List<SmtpServer.Message> mails = SmtpServer.RECEIVED.stream().filter(m -> m.to().contains(wangMail)).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).header("Subject")).startsWith("暴雨橙色预警");
    }

    @Test
    void anOrganisationSeesAndSetsOnlyItsOwnContactsAndBadAddressesAreRefused() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String town = "town-" + suffix;
        String mine = "property-" + suffix;
        String theirs = "police-" + suffix;
        given().auth().oauth2(partner(theirs, town)).contentType("application/json")
                .body(Map.of("phone", phone())).put("/api/notices/contacts/c-1").then().statusCode(200);
        given().auth().oauth2(partner(mine, town)).get("/api/notices/contacts").then().statusCode(200)
                .body("$", hasSize(0));
        given().auth().oauth2(partner(mine, town)).delete("/api/notices/contacts/c-1").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(partner(mine, town)).contentType("application/json")
                .body(Map.of("phone", "call me")).put("/api/notices/contacts/c-2").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("phone"));
        given().auth().oauth2(partner(mine, town)).contentType("application/json")
                .body(Map.of("name", "nobody")).put("/api/notices/contacts/c-2").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("phone"));
        given().auth().oauth2(partner(mine, town)).contentType("application/json")
                .body(Map.of("email", "not-an-address")).put("/api/notices/contacts/c-2").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("email"));
        given().auth().oauth2(DevTokens.resident("r-" + suffix)).get("/api/notices/contacts").then()
                .statusCode(403);
        given().get("/api/notices/contacts").then().statusCode(401);
        given().auth().oauth2(partner(theirs, town)).delete("/api/notices/contacts/c-1").then().statusCode(204);
    }

    @Test
    void theSameOrganisationSignedInToAnotherCommunityNeitherSeesNorChangesThisOnesContacts() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String town = "town-" + suffix;
        String otherTown = "other-town-" + suffix;
        String water = "water-" + suffix;
        String phone = phone();
        given().auth().oauth2(partner(water, town)).contentType("application/json")
                .body(Map.of("phone", phone)).put("/api/notices/contacts/c-1").then().statusCode(200);

        given().auth().oauth2(partner(water, otherTown)).get("/api/notices/contacts").then().statusCode(200)
                .body("$", hasSize(0));
        given().auth().oauth2(partner(water, otherTown)).delete("/api/notices/contacts/c-1").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(partner(water, town)).get("/api/notices/contacts").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].phone", org.hamcrest.Matchers.equalTo(phone));
    }
}
