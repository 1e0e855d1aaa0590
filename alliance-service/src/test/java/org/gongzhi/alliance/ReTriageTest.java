package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alliance follows a worker's triage at any open state: a re-categorised request is re-routed (the parties no
 * longer needed lose their tasks, the new ones get theirs, the ones still right keep theirs and their work), the
 * alliance track removed cancels the work, a merged duplicate's tasks are cancelled and an un-merge routes it again.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class ReTriageTest {
    private static final String RECATEGORISED = "gongzhi.request.recategorised.v1";
    private static final String STATUS_CHANGED = "gongzhi.request.status-changed.v1";

    @BeforeEach
    void alliance() {
        Fixtures.leakAlliance();
        Fixtures.organisation("grid", "供电所", "UTILITY");
        if (Fixtures.count("select count(*) from routing_rule where category = 'broken-handrail' and lead = 'property'"
                + " and supporting like '%grid%'") == 0) {
            Fixtures.rule("broken-handrail", List.of(), "property", List.of("grid"), 100);
        }
    }

    @Test
    void aReCategorisedRequestIsReRoutedKeepingThePartiesStillRightAndTheirWork() {
        String requestId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Fixtures.submit(requestId, "water-leak", "7", now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(24)));
        Fixtures.awaitCase(requestId, 2);
        String property = Fixtures.taskOf(requestId, "property");
        String water = Fixtures.taskOf(requestId, "water");
        given().auth().oauth2(DevTokens.partner("property")).contentType(ContentType.JSON)
                .body("{\"note\": \"on our way\"}").post("/api/tasks/" + property + "/acknowledge")
                .then().statusCode(200);

        Instant resolveBy = now.plus(Duration.ofHours(2));
        String ceId = UUID.randomUUID().toString();
        String event = recategorised(requestId, "broken-handrail", "URGENT", List.of("ALLIANCE"), List.of(), List.of(),
                now.plus(Duration.ofMinutes(30)), resolveBy);
        KafkaProbe.publish(Topics.REQUESTS, requestId, ceId, RECATEGORISED, event);
        KafkaProbe.publish(Topics.REQUESTS, requestId, ceId, RECATEGORISED, event);
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from task where "
                + "request_id = '" + requestId + "' and organisation_id = 'grid'") == 1);

        var alliance = given().auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(alliance.getString("category")).isEqualTo("broken-handrail");
        assertThat(alliance.getString("resolveBy")).isEqualTo(resolveBy.toString());
        // the lead keeps its task, acknowledged as it was, with the new deadline; the water company's is cancelled
        assertThat(Fixtures.text("select status || ',' || role from task where id = '" + property + "'"))
                .isEqualTo("ACKNOWLEDGED,LEAD");
        assertThat(Fixtures.text("select complete_by = timestamptz '" + resolveBy + "' from task where id = '"
                + property + "'")).isEqualTo("t");
        assertThat(Fixtures.text("select status from task where id = '" + water + "'")).isEqualTo("CANCELLED");
        assertThat(Fixtures.texts("select organisation_id || ':' || role || ':' || status from task "
                + "where request_id = '" + requestId + "' and round = " + alliance.getInt("round") + " order by organisation_id"))
                .containsExactly("grid:SUPPORT:ASSIGNED", "property:LEAD:ACKNOWLEDGED");

        // what the other services read on gongzhi.tasks: the cancellation, the new task, the moved deadline
        var published = KafkaProbe.records(Topics.TASKS, requestId, found -> types(found).containsAll(List.of(
                "gongzhi.task.assigned.v1", "gongzhi.task.status-changed.v1", "gongzhi.task.deadline-changed.v1")));
        assertThat(published).anyMatch(r -> r.value().contains("\"taskId\":\"" + water + "\"")
                && r.value().contains("\"status\":\"CANCELLED\""));
        assertThat(published).anyMatch(r -> "gongzhi.task.assigned.v1".equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains("\"organisationId\":\"grid\""));
        assertThat(published).anyMatch(r -> "gongzhi.task.deadline-changed.v1".equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains("\"taskId\":\"" + property + "\""));
        // the redelivered event made nothing twice
        assertThat(Fixtures.count("select count(*) from task where request_id = '" + requestId + "'")).isEqualTo(3);
    }

    @Test
    void theAllianceTrackRemovedCancelsItsWorkAndAddedAgainRoutesItAnew() {
        String requestId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Fixtures.submit(requestId, "water-leak", "7", now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(24)));
        Fixtures.awaitCase(requestId, 2);

        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(), RECATEGORISED,
                recategorised(requestId, "water-leak", "HIGH", List.of("VOLUNTEERS"), List.of("VOLUNTEERS"),
                        List.of("ALLIANCE"), now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(24))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from task where request_id"
                + " = '" + requestId + "' and status = 'CANCELLED'") == 2);
        assertThat(Fixtures.text("select status from alliance_case where request_id = '" + requestId + "'"))
                .isEqualTo("CANCELLED");

        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(), RECATEGORISED,
                recategorised(requestId, "water-leak", "HIGH", List.of("VOLUNTEERS", "ALLIANCE"), List.of("ALLIANCE"),
                        List.of(), now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(24))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from task where request_id"
                + " = '" + requestId + "' and status = 'ASSIGNED'") == 2);
        assertThat(Fixtures.text("select status || ':' || round from alliance_case where request_id = '" + requestId
                + "'")).isEqualTo("OPEN:2");
    }

    @Test
    void aMergedDuplicatesTasksAreCancelledAndAnUnmergeRoutesItAgain() {
        String requestId = UUID.randomUUID().toString();
        String master = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Fixtures.submit(requestId, "water-leak", "7", now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(24)));
        Fixtures.awaitCase(requestId, 2);

        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(), STATUS_CHANGED,
                statusChanged(requestId, "ASSIGNED", "MERGED", "merged into " + master, master));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from task where request_id"
                + " = '" + requestId + "' and status = 'CANCELLED'") == 2);
        assertThat(Fixtures.texts("select note from task where request_id = '" + requestId + "'"))
                .allMatch(note -> note.equals("request merged: merged into " + master));

        KafkaProbe.publish(Topics.REQUESTS, requestId, UUID.randomUUID().toString(), STATUS_CHANGED,
                statusChanged(requestId, "MERGED", "ASSIGNED", "no longer merged into " + master, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from task where request_id"
                + " = '" + requestId + "' and status = 'ASSIGNED' and round = 2") == 2);
        assertThat(Fixtures.parties(requestId)).isEqualTo("property:LEAD,property:LEAD,water:SUPPORT,water:SUPPORT");
    }

    private static List<String> types(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> found) {
        return found.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList();
    }

    private static String recategorised(String requestId, String category, String urgency, List<String> tracks,
            List<String> added, List<String> removed, Instant respondBy, Instant resolveBy) {
        return """
                {"communityId": "hepingli", "requestId": "%s", "category": "%s", "previousCategory": "water-leak",
                 "building": "7", "urgency": "%s", "tracks": %s, "addedTracks": %s, "removedTracks": %s,
                 "respondBy": "%s", "resolveBy": "%s", "status": "ASSIGNED", "recategorisedAt": "%s"}"""
                .formatted(requestId, category, urgency, json(tracks), json(added), json(removed), respondBy,
                        resolveBy, Instant.now());
    }

    private static String statusChanged(String requestId, String from, String to, String reason, String mergedInto) {
        return """
                {"communityId": "hepingli", "requestId": "%s", "category": "water-leak", "building": "7",
                 "from": "%s", "to": "%s", "reason": "%s", "changedAt": "%s", "mergedInto": %s}"""
                .formatted(requestId, from, to, reason, Instant.now(),
                        mergedInto == null ? "null" : "\"" + mergedInto + "\"");
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }
}
