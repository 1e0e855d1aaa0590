package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A volunteer hands a job over to a kind of professional: the right member leads it, once, and it resolves. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class HandOverTest {
    private static final String HANDED_OVER = "gongzhi.volunteer.handed-over.v1";

    // one set of members for the whole class, so every test sees the same candidates
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String repairs = "pm-fix-" + SUFFIX;
    private static final String noise = "pm-quiet-" + SUFFIX;
    private static final String social = "a-social-" + SUFFIX;

    @Inject
    TestClock clock;

    @BeforeEach
    void alliance() {
        Fixtures.leakAlliance();
        Fixtures.organisation("office", "和平里社区居委会", "COMMUNITY_OFFICE");
        register(repairs, "PROPERTY_MANAGEMENT", "[\"9\", \"10\"]", "[\"appliance-repair\", \"old-wiring\"]");
        register(noise, "PROPERTY_MANAGEMENT", "[\"9\"]", "[\"noise\"]");
        register(social, "SOCIAL_ORGANISATION", "[\"3\"]", "[\"neighbour-dispute\"]");
    }

    private static void register(String id, String type, String buildings, String categories) {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "%s", "type": "%s", "buildings": %s, "categories": %s}"""
                        .formatted(id, id, type, buildings, categories))
                .post("/api/organisations").then().statusCode(anyOf(is(201), is(409)));
    }

    private static String handOver(String requestId, String category, String building, String to, String ceId) {
        KafkaProbe.publish(Topics.VOLUNTEERING, requestId, ceId, HANDED_OVER, """
                {"communityId": "hepingli", "offerId": "o-%s", "requestId": "%s", "volunteerId": "v-6070",
                 "category": "%s", "building": "%s", "handOverTo": "%s",
                 "reason": "the socket behind it is burnt", "handedOverAt": "%s"}"""
                .formatted(ceId, requestId, category, building, to, Instant.now()));
        return ceId;
    }

    private static void awaitProcessed(String ceId) {
        awaitProcessed("alliance-service.volunteering", ceId);
    }

    private static void awaitProcessed(String consumer, String ceId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from processed_event "
                + "where consumer = '" + consumer + "' and event_id = '" + ceId + "'") == 1);
    }

    /** request-service gives a request to the volunteers, with the time limits of its category at its urgency. */
    private static void toVolunteers(String requestId, String category, String respondWithin, String resolveWithin) {
        String ceId = UUID.randomUUID().toString();
        String data = Fixtures.submitted(requestId, category, "9", Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(86400), "VOLUNTEERS");
        KafkaProbe.publish(Topics.REQUESTS, requestId, ceId, Fixtures.SUBMITTED, data.substring(0,
                data.lastIndexOf('}')) + ", \"timeLimits\": {\"respondWithin\": \"" + respondWithin
                + "\", \"resolveWithin\": \"" + resolveWithin + "\"}}");
        awaitProcessed("alliance-service.requests", ceId);
    }

    /** A worker re-triages it: the request's new time limits travel with the event. */
    private static void recategorised(String requestId, String category, String respondWithin,
            String resolveWithin) {
        String ceId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.REQUESTS, requestId, ceId, "gongzhi.request.recategorised.v1", """
                {"communityId": "hepingli", "requestId": "%s", "category": "%s", "previousCategory": "noise",
                 "building": "9", "urgency": "URGENT", "tracks": ["VOLUNTEERS"], "addedTracks": [],
                 "removedTracks": [], "respondBy": "%s", "resolveBy": "%s", "status": "SUBMITTED",
                 "recategorisedAt": "%s", "timeLimits": {"respondWithin": "%s", "resolveWithin": "%s"}}"""
                .formatted(requestId, category, Instant.now().plusSeconds(1800), Instant.now().plusSeconds(7200),
                        Instant.now(), respondWithin, resolveWithin));
        awaitProcessed("alliance-service.requests", ceId);
    }

    /**
     * The hand-over task's windows: to acknowledge from {@code at}, to complete from the acknowledge deadline. The
     * database keeps microseconds, so {@code at} is taken to the microsecond too.
     */
    private static Duration[] windowsOf(Instant at, io.restassured.path.json.JsonPath alliance) {
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Instant acknowledgeBy = Instant.parse(alliance.getString("tasks[0].acknowledgeBy"));
        Instant completeBy = Instant.parse(alliance.getString("tasks[0].completeBy"));
        return new Duration[] {Duration.between(at, acknowledgeBy), Duration.between(acknowledgeBy, completeBy)};
    }

    @Test
    void theMemberOfThatTypeForTheBuildingAndCategoryLeadsItOnceAndTheCaseResolves() {
        String requestId = UUID.randomUUID().toString();
        // appliance repair is a general matter: respond within 24 hours, resolve within 7 days
        toVolunteers(requestId, "appliance-repair", "PT24H", "PT168H");
        Instant before = Instant.now();
        String ceId = UUID.randomUUID().toString();
        handOver(requestId, "appliance-repair", "9", "PROPERTY_MANAGEMENT", ceId);
        handOver(requestId, "appliance-repair", "9", "PROPERTY_MANAGEMENT", ceId);
        // the same hand-over published again under a new id gives no second task either
        awaitProcessed(handOver(requestId, "appliance-repair", "9", "PROPERTY_MANAGEMENT",
                UUID.randomUUID().toString()));

        var alliance = Fixtures.awaitCase(requestId, 1);
        assertThat(Fixtures.parties(requestId)).isEqualTo(repairs + ":LEAD");
        assertThat(alliance.getString("status")).isEqualTo("OPEN");
        // timed by the request's limits as request-service published them
        Instant acknowledgeBy = Instant.parse(alliance.getString("tasks[0].acknowledgeBy"));
        Instant completeBy = Instant.parse(alliance.getString("tasks[0].completeBy"));
        assertThat(Duration.between(acknowledgeBy, completeBy)).isEqualTo(Duration.ofDays(6));
        assertThat(acknowledgeBy).isAfter(before.plus(Duration.ofHours(23)));
        var assigned = KafkaProbe.records(Topics.TASKS, requestId, found -> !found.isEmpty());
        assertThat(assigned).hasSize(1);
        assertThat(KafkaProbe.header(assigned.get(0), "ce_type")).isEqualTo("gongzhi.task.assigned.v1");
        assertThat(assigned.get(0).value()).contains("\"organisationId\":\"" + repairs + "\"")
                .contains("\"role\":\"LEAD\"");

        String task = Fixtures.taskOf(requestId, repairs);
        for (String step : new String[] {"acknowledge", "complete"}) {
            given().auth().oauth2(DevTokens.partner(repairs)).contentType(ContentType.JSON)
                    .body("{\"note\": \"socket replaced\"}").post("/api/tasks/" + task + "/" + step)
                    .then().statusCode(200);
        }
        given().auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId)
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        var events = KafkaProbe.records(Topics.TASKS, requestId, found -> found.stream()
                .anyMatch(r -> "gongzhi.case.resolved.v1".equals(KafkaProbe.header(r, "ce_type"))));
        assertThat(events.stream().filter(r -> "gongzhi.case.resolved.v1".equals(KafkaProbe.header(r, "ce_type"))))
                .hasSize(1);
    }

    @Test
    void aRequestTheAllianceAlreadyWorksOnGetsThePartyAddedUnlessItIsOnItAlready() {
        String requestId = UUID.randomUUID().toString();
        Fixtures.submit(requestId, "water-leak", "9", Instant.now().plusSeconds(3600), Instant.now().plusSeconds(86400));
        Fixtures.awaitCase(requestId, 2);
        assertThat(Fixtures.parties(requestId)).isEqualTo("property:LEAD,water:SUPPORT");

        // property management (the general one covers building 9 and leaks) leads it already: nothing new
        awaitProcessed(handOver(requestId, "water-leak", "9", "PROPERTY_MANAGEMENT", UUID.randomUUID().toString()));
        assertThat(Fixtures.parties(requestId)).isEqualTo("property:LEAD,water:SUPPORT");
        // the police are not on it yet: they get a lead task in the same round
        awaitProcessed(handOver(requestId, "water-leak", "9", "POLICE", UUID.randomUUID().toString()));
        assertThat(Fixtures.parties(requestId)).isEqualTo("police:LEAD,property:LEAD,water:SUPPORT");
        given().auth().oauth2(DevTokens.worker()).get("/api/cases/" + requestId)
                .then().statusCode(200).body("status", equalTo("OPEN")).body("round", equalTo(1));
    }

    @Test
    void withoutAMemberCoveringItAnyMemberOfThatTypeLeadsAndWithoutOneTheOffice() {
        String anyOfType = UUID.randomUUID().toString();
        awaitProcessed(handOver(anyOfType, "appliance-repair", "9", "SOCIAL_ORGANISATION",
                UUID.randomUUID().toString()));
        assertThat(Fixtures.parties(anyOfType)).isEqualTo(social + ":LEAD");

        String noSuchType = UUID.randomUUID().toString();
        awaitProcessed(handOver(noSuchType, "appliance-repair", "9", "HOUSING_BUREAU", UUID.randomUUID().toString()));
        assertThat(Fixtures.parties(noSuchType)).isEqualTo("office:LEAD");

        // the member that covers the building and handles the category wins over one that only covers the building
        String noisy = UUID.randomUUID().toString();
        awaitProcessed(handOver(noisy, "noise", "9", "PROPERTY_MANAGEMENT", UUID.randomUUID().toString()));
        assertThat(Fixtures.parties(noisy)).isEqualTo(noise + ":LEAD");
    }

    @Test
    void aHandOverIsTimedByTheRequestsLatestLimitsAndAnOldRequestByTheAlliancesDefaults() {
        // re-triaged as urgent after it went to the volunteers: the new limits (30 min / 2 h) time the hand-over
        String retriaged = UUID.randomUUID().toString();
        toVolunteers(retriaged, "noise", "PT24H", "PT168H");
        recategorised(retriaged, "safety-risk", "PT30M", "PT2H");
        awaitProcessed(handOver(retriaged, "safety-risk", "9", "POLICE", UUID.randomUUID().toString()));
        Duration[] urgent = windowsOf(clock.instant(), Fixtures.awaitCase(retriaged, 1));
        assertThat(urgent[0]).isEqualTo(Duration.ofMinutes(30));
        assertThat(urgent[1]).isEqualTo(Duration.ofMinutes(90));

        // submitted before the limits travelled with request.submitted: the alliance's defaults (2 h / 1 day)
        String old = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        KafkaProbe.publish(Topics.REQUESTS, old, ceId, Fixtures.SUBMITTED, Fixtures.submitted(old, "appliance-repair",
                "9", Instant.now().plusSeconds(3600), Instant.now().plusSeconds(86400), "VOLUNTEERS"));
        awaitProcessed("alliance-service.requests", ceId);
        awaitProcessed(handOver(old, "appliance-repair", "9", "PROPERTY_MANAGEMENT", UUID.randomUUID().toString()));
        Duration[] defaults = windowsOf(clock.instant(), Fixtures.awaitCase(old, 1));
        assertThat(defaults[0]).isEqualTo(Duration.ofHours(2));
        assertThat(defaults[1]).isEqualTo(Duration.ofHours(22));
    }
}
