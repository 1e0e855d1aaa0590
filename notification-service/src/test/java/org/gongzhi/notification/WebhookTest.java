package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.MeetingConvened;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.notification.webhook.HostNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partners' webhooks: signed per Standard Webhooks, retried with the same id, isolated, and only their own. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class WebhookTest {
    private static final List<String> TASK_EVENTS = List.of("gongzhi.task.assigned.v1",
            "gongzhi.task.status-changed.v1");

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

    private record Registered(String id, String secret) {
    }

    private Registered register(String org, String path, List<String> types) {
        return registerUrl(org, receiver.url(path), types);
    }

    private Registered registerUrl(String org, String url, List<String> types) {
        var body = given().auth().oauth2(DevTokens.partner(org)).contentType("application/json")
                .body(Map.of("url", url, "eventTypes", types))
                .post("/api/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/webhooks/"))
                .body("organisationId", equalTo(org)).body("secret", startsWith("whsec_"))
                .extract();
        return new Registered(body.path("id"), body.path("secret"));
    }

    private TaskAssigned task(String org) {
        return task(DevTokens.COMMUNITY, org, UUID.randomUUID().toString());
    }

    private TaskAssigned task(String community, String org, String request) {
        Instant now = clock.instant();
        return new TaskAssigned(community, "t-" + UUID.randomUUID(), request, org, org, "LEAD",
                "water-leak", "7", now.plusSeconds(3600), now.plusSeconds(86400), now);
    }

    private MeetingConvened meeting(String community, String org, String request) {
        Instant now = clock.instant();
        return new MeetingConvened(community, "m-" + UUID.randomUUID(), request, 1, "t-x", "water-leak", "7", org,
                List.of(org, "office"), now.plusSeconds(7200), "office", "acknowledge", now, now, Map.of());
    }

    @Test
    void aPartnerServingSeveralCommunitiesHearsItsOrganisationInEachItsTokenNamedAndNowhereElse() {
        String org = "police-" + UUID.randomUUID().toString().substring(0, 6);
        String a = DevTokens.COMMUNITY;
        String b = DevTokens.SECOND_COMMUNITY;
        String notServed = "elsewhere-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> types = List.of("gongzhi.task.assigned.v1", "gongzhi.meeting.convened.v1");
        String both = given().auth().oauth2(DevTokens.partner(a, org, List.of(b))).contentType("application/json")
                .body(Map.of("url", receiver.url("/both"), "eventTypes", types))
                .post("/api/webhooks").then().statusCode(201)
                .body("organisationId", equalTo(org)).body("communities", equalTo(List.of(a, b)))
                .extract().path("id");
        Registered ofA = register(org, "/a", types);
        given().auth().oauth2(DevTokens.partner(org)).get("/api/webhooks/{id}", ofA.id()).then().statusCode(200)
                .body("communities", equalTo(List.of(a)));
        String integratorOfA = given().auth().oauth2(DevTokens.admin()).contentType("application/json")
                .body(Map.of("url", receiver.url("/integrator"), "eventTypes", types))
                .post("/api/webhooks").then().statusCode(201).extract().path("id");

        // one request's events stay in order on its partition: once A's task is delivered, the earlier ones were seen
        String request = UUID.randomUUID().toString();
        String taskElsewhere = publisher.publish(task(notServed, org, request));
        String meetingElsewhere = publisher.publish(meeting(notServed, org, request));
        String taskOfB = publisher.publish(task(b, org, request));
        String meetingOfB = publisher.publish(meeting(b, org, request));
        String someoneElsesOfB = publisher.publish(task(b, "someone-else", request));
        String taskOfA = publisher.publish(task(a, org, request));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/both").size() >= 3
                && !receiver.received("/a").isEmpty() && !receiver.received("/integrator").isEmpty());
        given().auth().oauth2(DevTokens.partner(org)).get("/api/webhooks/{id}/deliveries", both).then()
                .statusCode(200).body("eventId", containsInAnyOrder(taskOfB, meetingOfB, taskOfA));
        given().auth().oauth2(DevTokens.partner(org)).get("/api/webhooks/{id}/deliveries", ofA.id()).then()
                .statusCode(200).body("eventId", contains(taskOfA));
        given().auth().oauth2(DevTokens.admin()).get("/api/webhooks/{id}/deliveries", integratorOfA).then()
                .statusCode(200).body("eventId", hasItem(taskOfA))
                .body("eventId", not(hasItem(taskOfB))).body("eventId", not(hasItem(meetingOfB)))
                .body("eventId", not(hasItem(someoneElsesOfB)));
        assertThat(receiver.received("/both")).extracting(WebhookReceiver.Received::id)
                .containsExactlyInAnyOrder("msg_" + taskOfB, "msg_" + meetingOfB, "msg_" + taskOfA)
                .doesNotContain("msg_" + taskElsewhere, "msg_" + meetingElsewhere, "msg_" + someoneElsesOfB);

        // the endpoint is A's: a token of the organisation serving A reaches it, one of B alone or of another does not
        given().auth().oauth2(DevTokens.partner(b, org, List.of(a))).get("/api/webhooks/{id}", both).then()
                .statusCode(200).body("communities", equalTo(List.of(a, b)));
        given().auth().oauth2(DevTokens.partner(b, org)).get("/api/webhooks/{id}", both).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.partner(b, org)).get("/api/webhooks/{id}/deliveries", both).then()
                .statusCode(404);
        given().auth().oauth2(DevTokens.partner(b, org)).get("/api/webhooks").then().statusCode(200)
                .body("id", not(hasItem(both)));
        given().auth().oauth2(DevTokens.partner(b, "someone-else", List.of(a))).get("/api/webhooks/{id}", both)
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.admin(b)).get("/api/webhooks/{id}", both).then().statusCode(404);
        given().auth().oauth2(DevTokens.admin(b)).delete("/api/webhooks/{id}", both).then().statusCode(404);
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameIdAndEverySignatureVerifies() {
        String org = "water-" + UUID.randomUUID().toString().substring(0, 6);
        Registered hook = register(org, "/water", TASK_EVENTS);
        receiver.answer("/water", 503, 500);
        TaskAssigned mine = task(org);
        String eventId = publisher.publish(mine);
        publisher.publish(task("someone-else"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/water").size() >= 3);
        var got = receiver.received("/water");
        assertThat(got).extracting(WebhookReceiver.Received::id).containsOnly("msg_" + eventId);
        assertThat(got).allMatch(r -> WebhookReceiver.verify(hook.secret(), r, Instant.now()));
        assertThat(got.get(0).body()).contains("\"type\":\"gongzhi.task.assigned.v1\"").contains(mine.taskId());
        // the receiver's own checks refuse a tampered body and an old timestamp
        var first = got.get(0);
        assertThat(WebhookReceiver.verify(hook.secret(), new WebhookReceiver.Received(first.path(), first.id(),
                first.timestamp(), first.signature(), first.body().replace(org, "evil"), first.at(), first.host()),
                Instant.now())).isFalse();
        assertThat(WebhookReceiver.verify(hook.secret(), first, Instant.now().plusSeconds(600))).isFalse();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(DevTokens.partner(org))
                .get("/api/webhooks/{id}/deliveries", hook.id()).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].status", equalTo("SUCCEEDED")).body("[0].attempts", equalTo(3))
                .body("[0].log.statusCode", equalTo(List.of(503, 500, 200))));
        assertThat(receiver.received("/water")).hasSize(3);

        // a manual redelivery keeps the id
        String delivery = given().auth().oauth2(DevTokens.partner(org))
                .get("/api/webhooks/{id}/deliveries", hook.id()).then().extract().path("[0].id");
        given().auth().oauth2(DevTokens.partner(org))
                .post("/api/webhooks/{id}/deliveries/{d}/redeliver", hook.id(), delivery).then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/water").size() == 4);
        assertThat(receiver.received("/water").get(3).id()).isEqualTo("msg_" + eventId);
    }

    @Test
    void retryAfterIsHonouredAndGoneDisablesTheEndpoint() {
        String org = "police-" + UUID.randomUUID().toString().substring(0, 6);
        Registered busy = register(org, "/busy", TASK_EVENTS);
        receiver.answer("/busy", 429);
        publisher.publish(task(org));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/busy").size() >= 2);
        var attempts = receiver.received("/busy");
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(900));
        assertThat(busy.id()).isNotNull();

        String other = "school-" + UUID.randomUUID().toString().substring(0, 6);
        Registered gone = register(other, "/gone", TASK_EVENTS);
        receiver.answer("/gone", 410);
        publisher.publish(task(other));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.partner(other))
                .get("/api/webhooks/{id}", gone.id()).then().statusCode(200).body("status", equalTo("DISABLED")));
        publisher.publish(new TaskStatusChanged(DevTokens.COMMUNITY, "t-x", UUID.randomUUID().toString(), other,
                "LEAD", "ACKNOWLEDGED", null, clock.instant()));
        assertThat(receiver.received("/gone")).hasSize(1);

        // only the owner (or an admin) re-enables it; then new events reach it again
        given().auth().oauth2(DevTokens.partner(org)).post("/api/webhooks/{id}/enable", gone.id()).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.worker()).post("/api/webhooks/{id}/enable", gone.id()).then()
                .statusCode(403);
        given().auth().oauth2(DevTokens.partner(other)).post("/api/webhooks/{id}/enable", gone.id()).then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("disabledReason", nullValue());
        TaskAssigned again = task(other);
        String againId = publisher.publish(again);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/gone").stream()
                .anyMatch(r -> r.id().equals("msg_" + againId)));
        given().auth().oauth2(DevTokens.admin()).post("/api/webhooks/{id}/enable", gone.id()).then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void anEndpointWhoseLastMessagesAllFailedIsDisabledUntilReEnabled() {
        String org = "heat-" + UUID.randomUUID().toString().substring(0, 6);
        Registered hook = register(org, "/broken", TASK_EVENTS);
        receiver.answer("/broken", 400, 400, 400);
        for (int i = 0; i < 3; i++) {
            publisher.publish(task(org));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.partner(org))
                .get("/api/webhooks/{id}", hook.id()).then().statusCode(200)
                .body("status", equalTo("DISABLED")).body("disabledReason", equalTo("the last 3 messages failed")));
        given().auth().oauth2(DevTokens.partner(org)).get("/api/webhooks/{id}/deliveries", hook.id()).then()
                .statusCode(200).body("status", equalTo(List.of("FAILED", "FAILED", "FAILED")));

        given().auth().oauth2(DevTokens.admin()).post("/api/webhooks/{id}/enable", hook.id()).then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
        String eventId = publisher.publish(task(org));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/broken").stream()
                .anyMatch(r -> r.id().equals("msg_" + eventId)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(DevTokens.partner(org))
                .get("/api/webhooks/{id}/deliveries", hook.id()).then().statusCode(200)
                .body("[0].status", equalTo("SUCCEEDED")));
    }

    @Test
    void aTargetThatNowLeadsInsideIsNotSentToUntilItsOwnerReEnablesIt() {
        String org = "gas-" + UUID.randomUUID().toString().substring(0, 6);
        Registered hook = register(org, "/gas", TASK_EVENTS);
        // the registered name now resolves to a private address (as a DNS rebinding would make it): played here by
        // re-pointing the stored target, since a test cannot own a public DNS name
        pool.preparedQuery("update webhook_endpoint set url = $2 where id = $1::uuid")
                .execute(Tuple.of(hook.id(), "http://10.0.0.7:" + receiver.port() + "/gas")).await().indefinitely();
        String eventId = publisher.publish(task(org));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.partner(org))
                .get("/api/webhooks/{id}", hook.id()).then().statusCode(200)
                .body("status", equalTo("DISABLED")).body("disabledReason", containsString("private")));
        given().auth().oauth2(DevTokens.partner(org)).get("/api/webhooks/{id}/deliveries", hook.id()).then()
                .statusCode(200).body("[0].status", equalTo("PENDING"))
                .body("[0].log[0].error", startsWith("refused"));
        // re-enabling checks the target again: still inside → 400
        given().auth().oauth2(DevTokens.partner(org)).post("/api/webhooks/{id}/enable", hook.id()).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("url"));
        // the name is fixed; the owner re-enables and the waiting message goes out with its own id
        pool.preparedQuery("update webhook_endpoint set url = $2 where id = $1::uuid")
                .execute(Tuple.of(hook.id(), receiver.url("/gas"))).await().indefinitely();
        given().auth().oauth2(DevTokens.partner(org)).post("/api/webhooks/{id}/enable", hook.id()).then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/gas").size() == 1);
        assertThat(receiver.received("/gas").get(0).id()).isEqualTo("msg_" + eventId);
        assertThat(WebhookReceiver.verify(hook.secret(), receiver.received("/gas").get(0), Instant.now())).isTrue();
    }

    /** Plays DNS for test names: each answers its scripted addresses in turn, the last one for ever after. */
    static final class ScriptedNames extends HostNames {
        private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

        void answer(String name, String... addresses) {
            answers.put(name, List.of(addresses));
        }

        int asked(String name) {
            return asked.getOrDefault(name, new AtomicInteger()).get();
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            List<String> script = answers.get(host);
            if (script == null) {
                return super.resolve(host);
            }
            int n = asked.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
            return new InetAddress[] {InetAddress.getByName(script.get(Math.min(n, script.size() - 1)))};
        }
    }

    @Test
    void theAddressThatWasCheckedIsTheOneConnectedTo() {
        ScriptedNames names = new ScriptedNames();
        QuarkusMock.installMockForType(names, HostNames.class);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // the name answers the receiver's (allowed) loopback address at registration and at the check before the
        // send, and an address inside the network to any lookup after that - as a rebinding DNS server would: the
        // message arrives only if it went to the address that was checked, with the name as its Host
        String pinned = "partner-" + suffix + ".example";
        names.answer(pinned, "127.0.0.1", "127.0.0.1", "10.0.0.7");
        String org = "pin-" + suffix;
        registerUrl(org, "http://" + pinned + ":" + receiver.port() + "/pinned", TASK_EVENTS);
        String eventId = publisher.publish(task(org));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/pinned").size() == 1);
        var got = receiver.received("/pinned").get(0);
        assertThat(got.id()).isEqualTo("msg_" + eventId);
        assertThat(got.host()).isEqualTo(pinned + ":" + receiver.port());
        assertThat(names.asked(pinned)).as("lookups: registration, then one per send").isEqualTo(2);

        // a name that answers an address inside the network when the message is due: nothing is sent
        String rebound = "rebound-" + suffix + ".example";
        names.answer(rebound, "127.0.0.1", "10.0.0.7");
        String other = "reb-" + suffix;
        Registered hook = registerUrl(other, "http://" + rebound + ":" + receiver.port() + "/rebound", TASK_EVENTS);
        publisher.publish(task(other));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.partner(other))
                .get("/api/webhooks/{id}", hook.id()).then().statusCode(200)
                .body("status", equalTo("DISABLED")).body("disabledReason", containsString("private")));
        given().auth().oauth2(DevTokens.partner(other)).get("/api/webhooks/{id}/deliveries", hook.id()).then()
                .statusCode(200).body("[0].status", equalTo("PENDING"))
                .body("[0].log[0].error", startsWith("refused"));
        assertThat(receiver.received("/rebound")).isEmpty();
    }

    @Test
    void aSlowEndpointDoesNotDelayAnotherAndARotatedSecretSignsAlongsideTheOld() {
        String slowOrg = "slow-" + UUID.randomUUID().toString().substring(0, 6);
        String quickOrg = "quick-" + UUID.randomUUID().toString().substring(0, 6);
        register(slowOrg, "/slow", TASK_EVENTS);
        Registered quick = register(quickOrg, "/quick", TASK_EVENTS);
        receiver.slow("/slow", 4000);
        publisher.publish(task(slowOrg));
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received("/slow").isEmpty());
        String rotated = given().auth().oauth2(DevTokens.partner(quickOrg))
                .post("/api/webhooks/{id}/secret", quick.id()).then().statusCode(200).extract().path("secret");
        Instant sent = Instant.now();
        publisher.publish(task(quickOrg));
        await().atMost(Duration.ofSeconds(3)).until(() -> !receiver.received("/quick").isEmpty());
        var got = receiver.received("/quick").get(0);
        assertThat(Duration.between(sent, got.at())).isLessThan(Duration.ofSeconds(3));
        assertThat(got.signature().split(" ")).hasSize(2);
        assertThat(WebhookReceiver.verify(rotated, got, Instant.now())).isTrue();
        assertThat(WebhookReceiver.verify(quick.secret(), got, Instant.now())).isTrue();
    }

    @Test
    void partnersSeeOnlyTheirOwnAndBadTargetsAreRefused() {
        Registered water = register("water", "/own", TASK_EVENTS);
        given().auth().oauth2(DevTokens.partner("property")).get("/api/webhooks/{id}", water.id()).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.partner("property")).get("/api/webhooks/{id}/deliveries", water.id())
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.partner("property")).get("/api/webhooks").then().statusCode(200)
                .body("id", not(hasItem(water.id())));
        given().auth().oauth2(DevTokens.admin()).get("/api/webhooks/{id}", water.id()).then().statusCode(200);
        given().auth().oauth2(DevTokens.worker()).get("/api/webhooks").then().statusCode(403);
        given().get("/api/webhooks").then().statusCode(401);
        for (String url : List.of("ftp://example.org/hook", "http://10.1.2.3/hook", "http://169.254.169.254/x",
                "not a url")) {
            given().auth().oauth2(DevTokens.partner("water")).contentType("application/json")
                    .body(Map.of("url", url, "eventTypes", TASK_EVENTS)).post("/api/webhooks").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("url"));
        }
        given().auth().oauth2(DevTokens.partner("water")).contentType("application/json")
                .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("gongzhi.nothing.v1")))
                .post("/api/webhooks").then().statusCode(400).body("errors.field", hasItem("eventTypes[0]"));
        given().auth().oauth2(DevTokens.partner("water")).contentType("application/json")
                .body(Map.of("url", receiver.url("/x"), "eventTypes", TASK_EVENTS, "organisationId", "property"))
                .post("/api/webhooks").then().statusCode(400);
    }
}
