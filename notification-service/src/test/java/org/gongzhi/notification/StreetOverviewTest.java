package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.CommunityRegistered;
import org.gongzhi.events.FollowUpRecorded;
import org.gongzhi.events.PatrolChecked;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.events.WarningIssued;
import org.junit.jupiter.api.Test;

/** The street-level view: a sub-district's communities side by side, from the registry's copy and the read models. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class StreetOverviewTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    Publisher publisher;

    @Inject
    Clock clock;

    private static CommunityRegistered community(String id, String name, String subdistrict, long version) {
        return new CommunityRegistered(id, name, name + " community",
                new CommunityRegistered.SubDistrict(subdistrict, "和平里街道", "Hepingli Sub-district"), version,
                Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static RequestSubmitted submitted(String community, String id, Instant respondBy, Instant resolveBy,
            Instant at) {
        return new RequestSubmitted(community, id, "water-leak", "3", "1", null, "HIGH", List.of("ALLIANCE"), "leak",
                "app", respondBy, resolveBy, at, "resident-" + id);
    }

    @Test
    void aSubDistrictOfficeSeesItsCommunitiesSideBySideRankedWithThePartiesAcrossThem() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String sub = "sub-" + tag;
        String a = "sa-" + tag;
        String b = "sb-" + tag;
        String elsewhere = "sc-" + tag;
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        Instant dayStart = today.atStartOfDay(ZONE).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(ZONE).toInstant();
        publisher.publish(community(a, "甲社区", sub, 1));
        publisher.publish(community(b, "乙社区", sub, 1));
        publisher.publish(community(elsewhere, "丙社区", "other-" + tag, 1));

        // A: one request late with its property task escalated, one still inside its window; a warning with a patrol
        String late = UUID.randomUUID().toString();
        String waiting = UUID.randomUUID().toString();
        publisher.publish(submitted(a, late, dayStart.plusSeconds(1), dayStart.plusSeconds(2),
                dayStart.minusSeconds(3600)));
        publisher.publish(new TaskAssigned(a, "t-" + late, late, "property", "和平物业", "LEAD", "water-leak", "3",
                dayStart.plusSeconds(1), dayEnd.minusSeconds(1), dayStart));
        publisher.publish(new TaskEscalated(a, "t-" + late, late, "property", 1, "not acknowledged", now,
                "water-leak", "3", TaskEscalated.MISSED_ACKNOWLEDGE, dayStart.plusSeconds(1), "backup", null, null));
        publisher.publish(submitted(a, waiting, dayEnd.minusSeconds(1), dayEnd.plusSeconds(86400 * 6), now));
        publisher.publish(new WarningIssued(a, "w-" + tag, "RAINSTORM", "ORANGE", now.minusSeconds(3600),
                now.plusSeconds(5 * 3600), now.minusSeconds(3600)));
        publisher.publish(new PatrolChecked(a, "w-" + tag, "p-" + tag, "rp-1", "地下车库", "property", "3", 1, 3, 0,
                now));
        // B: the same property company responded, resolved and was thanked in time
        String done = UUID.randomUUID().toString();
        publisher.publish(submitted(b, done, dayEnd.minusSeconds(1), dayEnd.minusSeconds(1), now));
        publisher.publish(new TaskAssigned(b, "t-" + done, done, "property", "和平物业", "LEAD", "water-leak", "3",
                dayEnd.minusSeconds(1), dayEnd.minusSeconds(1), now));
        publisher.publish(new TaskStatusChanged(b, "t-" + done, done, "property", "LEAD", "ACKNOWLEDGED", null,
                now.plusMillis(1)));
        publisher.publish(new RequestStatusChanged(b, done, "water-leak", "3", "SUBMITTED", "ASSIGNED", null,
                now.plusMillis(1)));
        publisher.publish(new TaskStatusChanged(b, "t-" + done, done, "property", "LEAD", "COMPLETED", null,
                now.plusMillis(2)));
        publisher.publish(new RequestStatusChanged(b, done, "water-leak", "3", "ASSIGNED", "RESOLVED", null,
                now.plusMillis(2)));
        publisher.publish(new FollowUpRecorded(b, done, "phone", true, true, now.plusMillis(3)));
        // the elsewhere community has a request of its own, which this sub-district never sees
        publisher.publish(submitted(elsewhere, UUID.randomUUID().toString(), dayEnd.minusSeconds(1),
                dayEnd.minusSeconds(1), now));

        String office = DevTokens.subdistrict(sub);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(office)
                .get("/api/street/overview").then().statusCode(200)
                .body("subdistrictId", equalTo(sub)).body("name", equalTo("和平里街道"))
                .body("communities.id", contains(a, b))
                .body("communities[0].name", equalTo("甲社区"))
                .body("communities[0].requests.open", equalTo(2))
                .body("communities[0].requests.late", equalTo(1))
                .body("communities[0].requests.escalated", equalTo(1))
                .body("communities[1].requests.open", equalTo(0))
                .body("communities[0].response.week.rate", equalTo(0.0f))
                .body("communities[0].response.rank", equalTo(2))
                .body("communities[1].response.week.rate", equalTo(1.0f))
                .body("communities[1].response.rank", equalTo(1))
                .body("communities[1].resolution.rank", equalTo(1))
                .body("communities[1].satisfaction.week.rate", equalTo(1.0f))
                .body("communities[1].satisfaction.rank", equalTo(1))
                .body("communities[0].satisfaction.rank", nullValue())
                .body("communities[1].response.change", nullValue())
                .body("communities[0].warnings", hasSize(1))
                .body("communities[0].warnings[0].type", equalTo("RAINSTORM"))
                .body("communities[0].warnings[0].patrols.checkpointsDone", equalTo(1))
                .body("communities[0].warnings[0].patrols.checkpointsTotal", equalTo(3))
                .body("communities[1].warnings", hasSize(0))
                .body("parties.organisationId", contains("property"))
                .body("parties[0].name", equalTo("和平物业"))
                .body("parties[0].open", equalTo(1))
                .body("parties[0].late", equalTo(1))
                .body("parties[0].done", equalTo(1))
                .body("parties[0].communities.communityId", contains(a, b)));

        // another sub-district's office sees its own community only; a worker may not look
        given().auth().oauth2(DevTokens.subdistrict("other-" + tag)).get("/api/street/overview").then()
                .statusCode(200).body("communities.id", contains(elsewhere)).body("parties", hasSize(0));
        given().auth().oauth2(DevTokens.subdistrict("nowhere-" + tag)).get("/api/street/overview").then()
                .statusCode(200).body("communities", hasSize(0));
        given().auth().oauth2(DevTokens.worker()).get("/api/street/overview").then().statusCode(403)
                .contentType("application/problem+json");
        // and the office reads nothing else
        given().auth().oauth2(office).get("/api/dashboard/rates").then().statusCode(403);
        given().auth().oauth2(office).get("/api/dashboard/requests").then().statusCode(403);
    }

    @Test
    void aCommunityKeepsItsNewestRecordAndTheDevSessionSignsInTheDefaultCommunitysOffice() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String sub = "sub-" + tag;
        String c = "sd-" + tag;
        publisher.publish(community(c, "新名", sub, 2));
        publisher.publish(community(c, "旧名", sub, 1)); // older, read again (a replay): ignored
        String office = DevTokens.subdistrict(sub);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(office)
                .get("/api/street/overview").then().statusCode(200).body("communities.name", contains("新名")));

        publisher.publish(community("hepingli", "和平里社区", DevTokens.SUBDISTRICT, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String token = given().queryParam("as", "subdistrict").get("/api/dev/session").then().statusCode(200)
                    .extract().path("token");
            given().auth().oauth2(token).get("/api/street/overview").then().statusCode(200)
                    .body("subdistrictId", equalTo(DevTokens.SUBDISTRICT));
        });
        given().queryParam("as", "mayor").get("/api/dev/session").then().statusCode(400)
                .body("errors.field", contains("as"));
    }
}
