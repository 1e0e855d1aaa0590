package org.gongzhi.request;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class RequestIntakeTest {
    private static final String LEAK = """
            {"category": "water-leak", "description": "Water drips from the bathroom ceiling", "building": "7",
             "unit": "2", "household": "201", "contactPhone": "13800138000", "channel": "app"}""";

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    @Test
    void submittedRequestIsStoredAndPublishedWithKeyAndCloudEventHeaders() {
        String resident = "resident-" + UUID.randomUUID();
        String id = given().auth().oauth2(DevTokens.resident(resident)).contentType(ContentType.JSON).body(LEAK)
                .post("/api/requests")
                .then().statusCode(201)
                .header("Location", containsString("/api/requests/"))
                .contentType(ContentType.JSON)
                .body("status", equalTo("SUBMITTED"))
                .body("category", equalTo("water-leak"))
                .body("tracks", hasItem("ALLIANCE"))
                .body("timeline[0].kind", equalTo("SUBMITTED"))
                .extract().path("id");

        given().auth().oauth2(DevTokens.resident(resident)).get("/api/requests/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("building", equalTo("7"));

        var records = KafkaProbe.records(Topics.REQUESTS, id, found -> !found.isEmpty());
        assertThat(records).hasSize(1);
        var record = records.get(0);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("gongzhi.request.submitted.v1");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("request-service");
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(id);
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_id")).isNotBlank();
        assertThat(KafkaProbe.header(record, "ce_time")).isNotBlank();
        assertThat(record.value()).contains("\"communityId\":\"hepingli\"").contains("\"building\":\"7\"")
                .doesNotContain("13800138000");
        // the category's time limits travel with it, so no other service keeps a copy of the catalogue
        assertThat(record.value()).contains("\"timeLimits\":{\"respondWithin\":\"PT2H\",\"resolveWithin\":\"PT24H\"}");
    }

    @Test
    void retriedPostWithTheSameIdempotencyKeyReturnsTheSameRequestAndPublishesOnce() {
        String key = UUID.randomUUID().toString();
        String token = DevTokens.resident("resident-" + UUID.randomUUID());
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(LEAK).post("/api/requests")
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
        String second = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(LEAK).post("/api/requests")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(Fixtures.count("select count(*) from resident_request where idempotency_key = '" + key + "'"))
                .isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from outbox_event where event_key = '" + first + "'"))
                .isEqualTo(1);
    }

    @Test
    void theSamePersonsKeyInAnotherCommunityIsNotAReplayOfTheFirstCommunitysRequest() {
        String key = UUID.randomUUID().toString();
        String subject = "resident-" + UUID.randomUUID();
        String first = given().auth().oauth2(DevTokens.resident(subject)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(LEAK).post("/api/requests")
                .then().statusCode(201).extract().path("id");
        // another community with a building 7 of its own; the same person, key and body there file a request of it
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(DevTokens.worker(other)).contentType(ContentType.JSON).body("""
                {"code": "7", "name": "7号楼", "floors": 6, "gridX": 1, "gridY": 0,
                 "units": [{"code": "2", "households": [{"code": "201", "floorArea": 70}]}]}""")
                .post("/api/estate/buildings").then().statusCode(201);
        String second = given().auth().oauth2(DevTokens.resident(other, subject)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(LEAK).post("/api/requests")
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");

        assertThat(second).isNotEqualTo(first);
        given().auth().oauth2(DevTokens.resident(other, subject)).get("/api/requests/" + first).then().statusCode(404);
        given().auth().oauth2(DevTokens.resident(subject)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(LEAK).post("/api/requests")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void aKeyReusedWithADifferentBodyIsRefused422AndFilesNothing() {
        String key = UUID.randomUUID().toString();
        String token = DevTokens.resident("resident-" + UUID.randomUUID());
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(LEAK).post("/api/requests")
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");

        // a different request under the same key: the client must not believe it was filed
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(LEAK.replace("Water drips from the bathroom ceiling", "The kitchen tap leaks")).post("/api/requests")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Idempotency-Key reused"))
                .body("detail", equalTo("This Idempotency-Key was already used for a different request, which was "
                        + "filed; this one was not. Send a new key with a new request."))
                .body("errors.field", equalTo(java.util.List.of("Idempotency-Key")));
        // also when the different body would be refused on its own
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(LEAK.replace("\"building\": \"7\"", "\"building\": \"99\"")).post("/api/requests")
                .then().statusCode(422).body("title", equalTo("Idempotency-Key reused"));
        // the same body again is still the first request, replayed
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(LEAK).post("/api/requests")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertThat(Fixtures.count("select count(*) from resident_request where idempotency_key = '" + key + "'"))
                .isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from outbox_event where event_key = '" + first + "'"))
                .isEqualTo(1);
    }

    @Test
    void anotherResidentsRequestIsNotFoundRatherThanForbidden() {
        String id = given().auth().oauth2(DevTokens.resident("owner-" + UUID.randomUUID()))
                .contentType(ContentType.JSON).body(LEAK).post("/api/requests")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(DevTokens.resident("neighbour-" + UUID.randomUUID())).get("/api/requests/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.partner("police")).get("/api/requests/" + id)
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().statusCode(200);
    }

    @Test
    void intakeSuggestsLikelyDuplicatesToWorkersButNeverHandsAResidentAnotherResidentsRequest() {
        Fixtures.building("8");
        String body = "{\"category\": \"lift-fault\", \"description\": \"The lift is stuck\", \"building\": \"8\"}";
        String a = DevTokens.resident("a-" + UUID.randomUUID());
        String first = given().auth().oauth2(a).contentType(ContentType.JSON)
                .body(body).post("/api/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.resident("b-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(body).post("/api/requests").then().statusCode(201)
                .body("possibleDuplicates", empty());
        // the same resident again: their own earlier request is named
        given().auth().oauth2(a).contentType(ContentType.JSON)
                .body(body).post("/api/requests").then().statusCode(201)
                .body("possibleDuplicates", equalTo(java.util.List.of(first)));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(body).post("/api/requests").then().statusCode(201)
                .body("possibleDuplicates", hasItem(first));
    }

    @Test
    void categoriesAreListedBilinguallyWithTimeLimits() {
        given().get("/api/categories").then().statusCode(200)
                .body("find { it.code == 'water-leak' }.nameZh", equalTo("漏水"))
                .body("find { it.code == 'water-leak' }.resolveWithin", equalTo("PT24H"))
                .body("find { it.code == 'lift-fault' }.resolveWithin", equalTo("PT2H"))
                .body("find { it.code == 'shopping-help' }.tracks", hasItem("VOLUNTEERS"))
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(14));
    }
}
