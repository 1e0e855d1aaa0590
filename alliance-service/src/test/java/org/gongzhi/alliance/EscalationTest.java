package org.gongzhi.alliance;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.alliance.escalation.Escalation;
import org.gongzhi.alliance.task.Task;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.Topics;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 吹哨报到: a missed acknowledge deadline climbs backup → secretary → whistle, driven by the test clock. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class EscalationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    Escalation escalation;

    @Inject
    Mutiny.SessionFactory sessions;

    @BeforeEach
    void alliance() {
        Fixtures.leakAlliance();
        // property management's rota: the same shift every day, all day, with a named backup
        StringBuilder rota = new StringBuilder();
        for (int day = 1; day <= 7; day++) {
            rota.append(day > 1 ? ", " : "").append("""
                    {"dayOfWeek": %d, "starts": "00:00", "ends": "00:00", "contact": "王经理", "backup": "赵师傅"}"""
                    .formatted(day));
        }
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"id": "property", "name": "和平物业", "nameEn": "property", "type": "PROPERTY_MANAGEMENT",
                         "contacts": [{"name": "王经理", "role": "manager", "phone": "010-6421-0000"},
                                      {"name": "赵师傅", "role": "backup", "phone": "010-6421-0001"}],
                         "rota": [%s]}""".formatted(rota))
                .put("/api/organisations/property")
                .then().statusCode(200).body("rota.size()", equalTo(7));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private int check() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> escalation.check());
    }

    private static List<Integer> levels(String requestId, int expected) {
        return KafkaProbe.records(Topics.TASKS, requestId, found -> found.stream()
                        .filter(r -> "gongzhi.task.escalated.v1".equals(KafkaProbe.header(r, "ce_type")))
                        .count() >= expected).stream()
                .filter(r -> "gongzhi.task.escalated.v1".equals(KafkaProbe.header(r, "ce_type")))
                .filter(r -> r.value().contains("\"organisationId\":\"property\""))
                .map(r -> {
                    try {
                        JsonNode data = JSON.readTree(r.value());
                        return data.get("level").asInt();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Test
    void aMissedAcknowledgeDeadlineEscalatesStepByStepInOrder() throws Throwable {
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Fixtures.submit(requestId, "water-leak", "7", now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofDays(1)));
        Fixtures.awaitCase(requestId, 2);
        String property = Fixtures.taskOf(requestId, "property");
        String water = Fixtures.taskOf(requestId, "water");
        // the water utility answers in time and is never escalated
        given().auth().oauth2(DevTokens.partner("water")).contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + water + "/acknowledge").then().statusCode(200);

        check();
        assertThat(Fixtures.text("select escalation_level from task where id = '" + property + "'")).isEqualTo("0");

        clock.advance(Duration.ofMinutes(31));
        check();
        assertThat(Fixtures.text("select escalation_level from task where id = '" + property + "'")).isEqualTo("1");
        assertThat(levels(requestId, 1)).containsExactly(1);
        check();
        assertThat(levels(requestId, 1)).containsExactly(1);

        clock.advance(Duration.ofHours(1));
        check();
        assertThat(levels(requestId, 2)).containsExactly(1, 2);

        clock.advance(Duration.ofHours(3));
        check();
        var records = KafkaProbe.records(Topics.TASKS, requestId, found -> found.stream()
                .filter(r -> r.value().contains("\"level\":3")).count() >= 1);
        assertThat(levels(requestId, 3)).containsExactly(1, 2, 3);
        String first = records.stream().filter(r -> r.value().contains("\"level\":1")).findFirst().orElseThrow().value();
        assertThat(first).contains("赵师傅");
        // each step names the request, the deadline missed and the person it goes to (by id, never a phone)
        Instant acknowledgeBy = Instant.parse(Fixtures.text("select to_char(acknowledge_by at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from task where id = '" + property + "'"));
        JsonNode backup = JSON.readTree(first);
        assertThat(backup.get("category").asText()).isEqualTo("water-leak");
        assertThat(backup.get("building").asText()).isEqualTo("7");
        assertThat(backup.get("missed").asText()).isEqualTo("acknowledge");
        assertThat(Instant.parse(backup.get("deadline").asText())).isEqualTo(acknowledgeBy);
        assertThat(backup.get("escalatedTo").asText()).isEqualTo("backup");
        assertThat(backup.get("contactName").asText()).isEqualTo("赵师傅");
        assertThat(backup.get("contactId").asText()).isEqualTo(Fixtures.text(
                "select id from contact where organisation_id = 'property' and name = '赵师傅'"));
        assertThat(first).doesNotContain("010-6421");
        JsonNode secretary = JSON.readTree(records.stream().filter(r -> r.value().contains("\"level\":2"))
                .findFirst().orElseThrow().value());
        assertThat(secretary.get("escalatedTo").asText()).isEqualTo("secretary");
        assertThat(secretary.get("missed").asText()).isEqualTo("acknowledge");
        assertThat(Instant.parse(secretary.get("deadline").asText())).isEqualTo(acknowledgeBy);
        String whistle = records.stream().filter(r -> r.value().contains("\"level\":3")).findFirst().orElseThrow()
                .value();
        assertThat(whistle).contains("property").contains("water");
        assertThat(Fixtures.count("select count(*) from task where escalation_level > 0 and id = '" + water + "'"))
                .isZero();

        clock.advance(Duration.ofHours(10));
        check();
        assertThat(levels(requestId, 3)).containsExactly(1, 2, 3);
    }

    @Test
    void aMissedCompletionDeadlineMarksTheTaskOverdueOnce() throws Throwable {
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Fixtures.submit(requestId, "water-leak", "7", now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(2)));
        Fixtures.awaitCase(requestId, 2);
        String property = Fixtures.taskOf(requestId, "property");
        given().auth().oauth2(DevTokens.partner("property")).contentType(ContentType.JSON).body("{}")
                .post("/api/tasks/" + property + "/acknowledge").then().statusCode(200);

        clock.advance(Duration.ofHours(3));
        check();
        check();
        given().auth().oauth2(DevTokens.partner("property")).get("/api/partners/me/tasks?overdue=true&size=100")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(property));
        // acknowledged and overdue, it is still open
        given().auth().oauth2(DevTokens.partner("property")).get("/api/partners/me/tasks?open=true&size=100")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(property));
        given().auth().oauth2(DevTokens.partner("property")).get("/api/partners/me/tasks?open=false&size=100")
                .then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(property)));
        var overdue = KafkaProbe.records(Topics.TASKS, requestId, found -> found.stream()
                .anyMatch(r -> r.value().contains("overdue") && r.value().contains(property)));
        assertThat(overdue.stream().filter(r -> r.value().contains("overdue") && r.value().contains(property)))
                .hasSize(1);
        JsonNode late = JSON.readTree(overdue.stream().filter(r -> r.value().contains("overdue")
                && r.value().contains(property)).findFirst().orElseThrow().value());
        assertThat(late.get("missed").asText()).isEqualTo("complete");
        assertThat(late.get("escalatedTo").asText()).isEqualTo("secretary");
        assertThat(Instant.parse(late.get("deadline").asText())).isEqualTo(Instant.parse(Fixtures.text(
                "select to_char(complete_by at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from task "
                        + "where id = '" + property + "'")));
        given().auth().oauth2(DevTokens.worker()).get("/api/organisations/property/performance")
                .then().statusCode(200).body("overdue", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void afterASurgeTheCheckReadsOnlyTheTasksWhoseStepIsDue() throws Throwable {
        String surge = "surge-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Instant now = clock.instant();
        String assigned = "'" + now.minus(Duration.ofMinutes(20)) + "'::timestamptz";
        // 3 000 tasks escalated to the backup a while ago (the secretary is due an hour after the deadline) and
        // 250 whose acknowledge deadline has just passed
        Fixtures.execute("""
                insert into alliance_case (request_id, community_id, category, building, respond_by, resolve_by,
                                           status, opened_at)
                select '%1$s' || g, 'hepingli', 'water-leak', '7', %2$s, %2$s + interval '1 day', 'OPEN', %2$s
                from generate_series(1, 3250) g""".formatted(surge, assigned));
        Fixtures.execute("""
                insert into task (id, community_id, request_id, organisation_id, organisation_name, role, round,
                                  status, category, building, acknowledge_by, complete_by, assigned_at, updated_at,
                                  escalation_level)
                select gen_random_uuid(), 'hepingli', '%1$s' || g, 'property', '和平物业', 'LEAD', 1, 'ASSIGNED',
                       'water-leak', '7', %2$s + case when g <= 250 then interval '19 minutes'
                                                      else interval '10 minutes' end,
                       %2$s + interval '1 day', %2$s, %2$s, case when g <= 250 then 0 else 1 end
                from generate_series(1, 3250) g""".formatted(surge, assigned));
        long loadedBefore = tasksLoaded();
        try {
            assertThat(check()).isGreaterThanOrEqualTo(250);

            assertThat(Fixtures.count("select count(*) from task where request_id like '" + surge + "%' "
                    + "and escalation_level = 1")).isEqualTo(3250);
            assertThat(Fixtures.count("select count(*) from task where request_id like '" + surge + "%' "
                    + "and updated_at = " + assigned)).as("the tasks waiting for their next step are untouched")
                    .isEqualTo(3000);
            assertThat(tasksLoaded() - loadedBefore).as("tasks read by the check")
                    .isBetween(250L, 1000L);
        } finally {
            Fixtures.execute("update task set status = 'COMPLETED' where request_id like '" + surge + "%'");
        }
    }

    private long tasksLoaded() {
        return sessions.getStatistics().getEntityStatistics(Task.class.getName()).getLoadCount();
    }
}
