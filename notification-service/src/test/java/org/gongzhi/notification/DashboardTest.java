package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.FollowUpRecorded;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.events.VisitId;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerOffered;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.events.WarningIssued;
import org.junit.jupiter.api.Test;

/** The dashboard's read models and rates, built from events of a community of its own. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class DashboardTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    Publisher publisher;

    @Inject
    Clock clock;

    private static String worker(String community) {
        return DevTokens.token("worker", "worker-" + community, Map.of("community", community));
    }

    private static RequestSubmitted submitted(String community, String id, String building, Instant respondBy,
            Instant resolveBy, Instant at) {
        return new RequestSubmitted(community, id, "water-leak", building, "1", null, "HIGH", List.of("ALLIANCE"),
                "leak", "app", respondBy, resolveBy, at, "resident-" + id);
    }

    private static RequestStatusChanged status(String community, String id, String building, String from, String to,
            Instant at) {
        return new RequestStatusChanged(community, id, "water-leak", building, from, to, null, at);
    }

    @Test
    void theBoardTheMapTheWorkloadAndTheThreeRatesFollowTheEvents() {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        Instant dayStart = today.atStartOfDay(ZONE).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(ZONE).toInstant();
        String onTime = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        String waiting = UUID.randomUUID().toString();

        // responded and resolved in time, then a satisfied return visit
        publisher.publish(submitted(town, onTime, "3", dayEnd.minusSeconds(1), dayEnd.minusSeconds(1), now));
        publisher.publish(new TaskAssigned(town, "t-" + onTime, onTime, "water", "自来水公司", "LEAD", "water-leak",
                "3", dayEnd.minusSeconds(1), dayEnd.minusSeconds(1), now));
        publisher.publish(new TaskStatusChanged(town, "t-" + onTime, onTime, "water", "LEAD", "ACKNOWLEDGED", null,
                now.plusMillis(1)));
        publisher.publish(status(town, onTime, "3", "SUBMITTED", "ASSIGNED", now.plusMillis(1)));
        publisher.publish(status(town, onTime, "3", "ASSIGNED", "RESOLVED", now.plusMillis(2)));
        publisher.publish(new FollowUpRecorded(town, onTime, "phone", true, true, now.plusMillis(3)));
        // nobody responded and its deadlines passed; its lead has not acknowledged in time; an unsatisfied visit
        publisher.publish(submitted(town, late, "12", dayStart.plusSeconds(1), dayStart.plusSeconds(2),
                dayStart.minusSeconds(3600)));
        publisher.publish(new TaskAssigned(town, "t-" + late, late, "property", "和平物业", "LEAD", "water-leak", "12",
                now.minusSeconds(3600), dayEnd.minusSeconds(1), dayStart));
        publisher.publish(new FollowUpRecorded(town, late, "visit", false, false, now));
        // still inside its window: counts in no rate yet
        publisher.publish(submitted(town, waiting, "12", dayEnd.minusSeconds(1), dayEnd.plusSeconds(86400 * 6), now));
        publisher.publish(new VolunteerOffered(town, "o-" + waiting, waiting, "v-1", "nearby",
                now.plusSeconds(3600), now));
        publisher.publish(new WarningIssued(town, "w-" + town, "RAINSTORM", "ORANGE", now.minusSeconds(3600),
                now.plusSeconds(5 * 3600), now.minusSeconds(3600)));

        String token = worker(town);
        // events of three topics arrive in any order between topics: wait until all are in
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ValidatableResponse rates = given().auth().oauth2(token).get("/api/dashboard/rates").then()
                    .statusCode(200);
            for (String period : List.of("today", "week", "month")) {
                rates.body(period + ".response.denominator", equalTo(2))
                        .body(period + ".response.numerator", equalTo(1))
                        .body(period + ".response.rate", equalTo(0.5f))
                        .body(period + ".resolution.denominator", equalTo(2))
                        .body(period + ".resolution.numerator", equalTo(1))
                        .body(period + ".resolution.rate", equalTo(0.5f))
                        .body(period + ".satisfaction.denominator", equalTo(2))
                        .body(period + ".satisfaction.numerator", equalTo(1))
                        .body(period + ".satisfaction.rate", equalTo(0.5f));
            }
            rates.body("zone", equalTo("Asia/Shanghai")).body("trend", hasSize(14))
                    .body("trend[13].day", equalTo(today.toString()))
                    .body("trend[13].response.rate", equalTo(0.5f))
                    .body("parties.find { it.organisationId == 'water' }.response.rate", equalTo(1.0f))
                    .body("parties.find { it.organisationId == 'water' }.satisfaction.rate", equalTo(1.0f))
                    .body("parties.find { it.organisationId == 'property' }.response.rate", equalTo(0.0f))
                    .body("parties.find { it.organisationId == 'property' }.satisfaction.rate", equalTo(0.0f));
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/requests").then().statusCode(200)
                .body("items.id", equalTo(List.of(late, waiting))).body("total", equalTo(2))
                .body("items[0].overdue", equalTo(true)).body("items[0].leadParty", equalTo("和平物业"))
                .body("items[1].overdue", equalTo(false)).body("items[1].nextDeadline", notNullValue()));
        given().auth().oauth2(token).queryParam("building", "3").get("/api/dashboard/requests").then()
                .statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
        publisher.demoEstate(town);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/buildings").then().statusCode(200)
                .body("$", hasSize(32))
                .body("find { it.building == '12' }.open", equalTo(2))
                .body("find { it.building == '12' }.overdue", equalTo(1))
                .body("find { it.building == '12' }.gridX", equalTo(3))
                .body("find { it.building == '12' }.gridY", equalTo(1))
                .body("find { it.building == '3' }.open", equalTo(0)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/workload").then().statusCode(200)
                .body("parties.find { it.organisationId == 'property' }.open", equalTo(1))
                .body("parties.find { it.organisationId == 'property' }.overdue", equalTo(1))
                .body("parties.find { it.organisationId == 'water' }.open", equalTo(1))
                .body("parties.find { it.organisationId == 'water' }.overdue", equalTo(0))
                .body("volunteers.openOffers", equalTo(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/warnings").then().statusCode(200)
                .body("type", equalTo(List.of("RAINSTORM"))).body("[0].level", equalTo("ORANGE")));

        // replaying the log into empty read models gives the same answers
        List<String> models = List.of("requests", "buildings", "workload", "warnings", "rates");
        List<String> before = models.stream().map(m -> given().auth().oauth2(token).get("/api/dashboard/" + m)
                .then().statusCode(200).extract().asString()).toList();
        given().auth().oauth2(token).post("/api/dashboard/rebuild").then().statusCode(403);
        given().auth().oauth2(DevTokens.admin()).post("/api/dashboard/rebuild").then().statusCode(200)
                .body("events", greaterThanOrEqualTo(11));
        List<String> after = models.stream().map(m -> given().auth().oauth2(token).get("/api/dashboard/" + m)
                .then().statusCode(200).extract().asString()).toList();
        assertThat(after).isEqualTo(before);

        // and replaying the Kafka topics themselves from the start (topic after topic, requests last) too
        given().auth().oauth2(DevTokens.admin()).queryParam("from", "topics").post("/api/dashboard/rebuild").then()
                .statusCode(200).body("fromTopics", greaterThanOrEqualTo(11));
        List<String> fromTopics = models.stream().map(m -> given().auth().oauth2(token).get("/api/dashboard/" + m)
                .then().statusCode(200).extract().asString()).toList();
        assertThat(fromTopics).isEqualTo(before);
        given().auth().oauth2(DevTokens.admin()).queryParam("from", "nowhere").post("/api/dashboard/rebuild").then()
                .statusCode(400).contentType("application/problem+json");
    }

    /**
     * A surge: more open requests than a page holds. The answer says how many are open and which slice it is; the
     * pages follow one another nearest deadline first, and a new, least urgent request counts in the total at once
     * and is on the last page rather than nowhere.
     */
    @Test
    void moreOpenRequestsThanOnePageAreCountedAndPagedNearestDeadlineFirst() {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int open = 130; // more than the default page of 100
        List<RequestSubmitted> requests = new ArrayList<>();
        List<GongzhiEvent> events = new ArrayList<>();
        for (int i = 0; i < open; i++) {
            // deadlines in a scrambled order, so that the answer's order is the deadlines' and not the arrival's
            Instant respondBy = now.plusSeconds(3600 + 60L * ((i * 37) % open));
            RequestSubmitted r = submitted(town, UUID.randomUUID().toString(), i % 2 == 0 ? "4" : "5", respondBy,
                    respondBy.plusSeconds(86400), now.plusMillis(i));
            requests.add(r);
            events.add(r);
        }
        for (int i = 0; i < 3; i++) { // resolved ones are not open: neither listed nor counted
            String id = UUID.randomUUID().toString();
            events.add(submitted(town, id, "4", now.minusSeconds(7200), now.minusSeconds(3600),
                    now.minusSeconds(9000)));
            events.add(status(town, id, "4", "SUBMITTED", "RESOLVED", now.minusSeconds(60)));
        }
        publisher.publishAll(events);
        List<String> byDeadline = requests.stream().sorted(Comparator.comparing(RequestSubmitted::respondBy))
                .map(RequestSubmitted::requestId).toList();

        String token = worker(town);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/requests").then().statusCode(200)
                .body("total", equalTo(open)).body("page", equalTo(0)).body("size", equalTo(100))
                .body("items.id", equalTo(byDeadline.subList(0, 100))));
        given().auth().oauth2(token).queryParam("page", 1).get("/api/dashboard/requests").then().statusCode(200)
                .body("total", equalTo(open)).body("page", equalTo(1))
                .body("items.id", equalTo(byDeadline.subList(100, open)));
        given().auth().oauth2(token).queryParam("page", 2).queryParam("size", 50).get("/api/dashboard/requests")
                .then().statusCode(200).body("total", equalTo(open)).body("size", equalTo(50))
                .body("items.id", equalTo(byDeadline.subList(100, open)));
        given().auth().oauth2(token).queryParam("page", 9).get("/api/dashboard/requests").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(open));
        given().auth().oauth2(token).queryParam("size", 500).get("/api/dashboard/requests").then().statusCode(200)
                .body("items.id", equalTo(byDeadline));
        // the total is the building's when filtered
        List<String> ofFour = requests.stream().filter(r -> r.building().equals("4"))
                .sorted(Comparator.comparing(RequestSubmitted::respondBy)).map(RequestSubmitted::requestId).toList();
        given().auth().oauth2(token).queryParam("building", "4").queryParam("size", 50).queryParam("page", 1)
                .get("/api/dashboard/requests").then().statusCode(200)
                .body("total", equalTo(ofFour.size())).body("items.id", equalTo(ofFour.subList(50, ofFour.size())));

        // the rainstorm goes on: the newest request is the least urgent, beyond the first page but in the total
        String latest = UUID.randomUUID().toString();
        publisher.publish(submitted(town, latest, "5", now.plusSeconds(30 * 86400), now.plusSeconds(31 * 86400), now));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/requests").then().statusCode(200)
                .body("total", equalTo(open + 1)).body("items", hasSize(100))
                .body("items.id", not(hasItem(latest))));
        given().auth().oauth2(token).queryParam("page", 1).get("/api/dashboard/requests").then().statusCode(200)
                .body("total", equalTo(open + 1)).body("items", hasSize(open + 1 - 100))
                .body("items[-1].id", equalTo(latest));
    }

    @Test
    void theFeedSaysWhichRequestAndWhichPartyAndAMergedDuplicateLeavesTheBoard() {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        String leak = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        publisher.publish(submitted(town, leak, "7", now.plusSeconds(3600), now.plusSeconds(7200), now));
        publisher.publish(new TaskAssigned(town, "t-" + leak, leak, "property", "和平物业", "LEAD", "water-leak", "7",
                now.plusSeconds(3600), now.plusSeconds(7200), now.plusMillis(1)));
        // a status change names the organisation only by id: the feed finds its name on the task board
        publisher.publish(new TaskStatusChanged(town, "t-" + leak, leak, "property", "LEAD", "ACKNOWLEDGED", null,
                now.plusMillis(2)));
        publisher.publish(submitted(town, duplicate, "7", now.plusSeconds(3600), now.plusSeconds(7200), now));
        publisher.publish(status(town, duplicate, "7", "SUBMITTED", "MERGED", now.plusMillis(3)));

        String token = worker(town);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/feed").then().statusCode(200)
                .body("type", hasItem("gongzhi.task.status-changed.v1"))
                .body("findAll { it.requestId == '" + duplicate + "' }.type",
                        hasItem("gongzhi.request.status-changed.v1"))
                .body("find { it.type == 'gongzhi.task.status-changed.v1' }.requestId", equalTo(leak))
                .body("find { it.type == 'gongzhi.task.status-changed.v1' }.category", equalTo("water-leak"))
                .body("find { it.type == 'gongzhi.task.status-changed.v1' }.building", equalTo("7"))
                .body("find { it.type == 'gongzhi.task.status-changed.v1' }.unit", equalTo("1"))
                .body("find { it.type == 'gongzhi.task.status-changed.v1' }.party", equalTo("和平物业"))
                .body("find { it.type == 'gongzhi.task.status-changed.v1' }.data.status", equalTo("ACKNOWLEDGED"))
                .body("find { it.type == 'gongzhi.task.assigned.v1' }.party", equalTo("和平物业")));
        List<Integer> seqs = given().auth().oauth2(token).get("/api/dashboard/feed").then().extract().path("seq");
        assertThat(seqs).isSortedAccordingTo(Comparator.reverseOrder());
        given().auth().oauth2(token).queryParam("size", 2).get("/api/dashboard/feed").then().statusCode(200)
                .body("$", hasSize(2));
        given().auth().oauth2(token).queryParam("size", 0).get("/api/dashboard/feed").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("size")));
        // merged into another request, the duplicate is no longer open
        given().auth().oauth2(token).get("/api/dashboard/requests").then().statusCode(200)
                .body("items.id", hasItem(leak)).body("items.id", not(hasItem(duplicate))).body("total", equalTo(1));
    }

    @Test
    void aBadPageOrSizeIsRefusedNamingIt() {
        String token = worker("town-" + UUID.randomUUID().toString().substring(0, 8));
        for (Map.Entry<String, String> bad : List.of(Map.entry("size", "0"), Map.entry("size", "501"),
                Map.entry("size", "ten"), Map.entry("size", "2.5"), Map.entry("page", "-1"), Map.entry("page", "next"),
                Map.entry("page", "99999999999"))) {
            given().auth().oauth2(token).queryParam(bad.getKey(), bad.getValue()).get("/api/dashboard/requests")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors.field", equalTo(List.of(bad.getKey())));
        }
        given().auth().oauth2(token).queryParam("size", 500).queryParam("page", 0).get("/api/dashboard/requests")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0))
                .body("size", equalTo(500));
    }

    /**
     * Check-on-neighbour visits during a warning: their offers count on the volunteers' board by the visit's own id,
     * a missed visit's open offer stops counting, and no visit shows as a request (a visit is no request).
     */
    @Test
    void aVisitsOffersCountForTheVolunteersAndPutNoRequestOnTheBoard() {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        String warning = "w-" + town;
        VisitId taken = VisitId.of(warning, "h-1");
        VisitId missed = VisitId.of(warning, "h-2");
        publisher.publish(new VolunteerOffered(town, "o-1-" + town, taken.value(), "v-1", "check on h-1",
                now.plusSeconds(3600), now, taken.value(), warning));
        publisher.publish(new VolunteerAccepted(town, "o-1-" + town, taken.value(), "v-1", now.plusMillis(1),
                taken.value(), warning));
        publisher.publish(new VolunteerOffered(town, "o-2-" + town, missed.value(), "v-2", "check on h-2",
                now.plusSeconds(3600), now, missed.value(), warning));
        publisher.publish(new VolunteerUnmatched(town, missed.value(), null, "5", "nobody went", now.plusMillis(2),
                missed.value(), warning));

        String token = worker(town);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/workload").then().statusCode(200)
                .body("volunteers.inProgress", equalTo(1)).body("volunteers.openOffers", equalTo(0)));
        given().auth().oauth2(token).get("/api/dashboard/requests").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void aDuplicateReturnVisitCountsOnce() {
        String town = "town-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        String request = UUID.randomUUID().toString();
        FollowUpRecorded visit = new FollowUpRecorded(town, request, "phone", true, true, now);
        String eventId = UUID.randomUUID().toString();
        publisher.publish(submitted(town, request, "5", now.plusSeconds(60), now.plusSeconds(120), now));
        publisher.publish(eventId, visit);
        publisher.publish(eventId, visit);
        publisher.publish(new FollowUpRecorded(town, request, "phone", true, false, now.plusMillis(5)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(worker(town))
                .get("/api/dashboard/rates").then().statusCode(200)
                .body("today.satisfaction.denominator", equalTo(2))
                .body("today.satisfaction.numerator", equalTo(1)));
    }

    @Test
    void theEstateMapIsTheRegistrysBuildingsOnTheirGridAndFollowsARemoval() {
        publisher.demoEstate();
        String token = DevTokens.worker();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/buildings").then().statusCode(200)
                .body("building", hasItem("32")).body("find { it.building == '32' }.gridX", equalTo(7))
                .body("find { it.building == '32' }.gridY", equalTo(3)));
        String code = "R" + java.util.UUID.randomUUID().toString().substring(0, 5);
        publisher.publish(new org.gongzhi.events.BuildingRegistered("hepingli", code, code, 6, 9, 0, List.of(), 1,
                Instant.parse("2026-12-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/buildings").then().statusCode(200)
                .body("find { it.building == '%s' }.gridX".formatted(code), equalTo(9)));
        publisher.publish(new org.gongzhi.events.BuildingRemoved("hepingli", code, 2,
                Instant.parse("2026-12-02T00:00:00Z")));
        // the registration read again (a consumer rebuilding from the topic's start) does not bring it back
        publisher.publish(new org.gongzhi.events.BuildingRegistered("hepingli", code, code, 6, 9, 0, List.of(), 1,
                Instant.parse("2026-12-01T00:00:00Z")));
        publisher.publish(new org.gongzhi.events.BuildingRegistered("hepingli", code + "x", code, 6, 9, 1, List.of(),
                1, Instant.parse("2026-12-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/buildings").then().statusCode(200)
                .body("building", hasItem(code + "x")).body("building", not(hasItem(code))));
    }

    @Test
    void onlyWorkersReadTheRatesAndTheDevSessionGivesTheLocalPageAWorker() {
        publisher.demoEstate();
        given().get("/api/dashboard/rates").then().statusCode(401);
        given().auth().oauth2(DevTokens.partner("property")).get("/api/dashboard/workload").then().statusCode(403)
                .contentType("application/problem+json");
        String token = given().get("/api/dev/session").then().statusCode(200).extract().path("token");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/dashboard/buildings").then().statusCode(200).body("building", hasItem("32")));
    }
}
