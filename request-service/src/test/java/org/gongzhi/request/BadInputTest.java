package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal is a problem+json body naming what is wrong, and leaves no row, no event, no timeline entry. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class BadInputTest {

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"category\": \"water-leak\", ", null),
                Arguments.of("unknown category", body("\"category\": \"alien-invasion\""), "category"),
                Arguments.of("missing category", body("\"category\": null"), "category"),
                Arguments.of("unknown building", body("\"building\": \"99\""), "building"),
                Arguments.of("unknown unit", body("\"unit\": \"9\""), "unit"),
                Arguments.of("empty description", body("\"description\": \"\""), "description"),
                Arguments.of("over-long description", body("\"description\": \"" + "漏".repeat(2001) + "\""),
                        "description"),
                Arguments.of("invalid phone", body("\"contactPhone\": \"12345\""), "contactPhone"),
                Arguments.of("unknown urgency", body("\"urgency\": \"WHENEVER\""), "urgency"),
                Arguments.of("hotline deadline in the past", body("\"channel\": \"hotline-12345\", "
                        + "\"hotlineTicket\": \"T-1\", \"hotlineDeadline\": \"2020-01-01T00:00:00Z\""),
                        "hotlineDeadline"),
                Arguments.of("no location", "{\"category\": \"water-leak\", \"description\": \"drip drip\"}",
                        "building"));
    }

    /** A valid leak with one field replaced; later keys win in the JSON parser, so the override is what counts. */
    private static String body(String override) {
        return "{\"category\": \"water-leak\", \"description\": \"Water drips\", \"building\": \"7\", "
                + "\"unit\": \"2\", \"contactPhone\": \"13800138000\", " + override + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusedWithProblemNamingTheFieldAndNothingStored(String name, String json, String field) {
        long requests = Fixtures.count("select count(*) from resident_request");
        long events = Fixtures.count("select count(*) from outbox_event");
        long entries = Fixtures.count("select count(*) from timeline_entry");

        var response = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(json)
                .post("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/requests"));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }

        assertThat(Fixtures.count("select count(*) from resident_request")).isEqualTo(requests);
        assertThat(Fixtures.count("select count(*) from outbox_event")).isEqualTo(events);
        assertThat(Fixtures.count("select count(*) from timeline_entry")).isEqualTo(entries);
    }

    @Test
    void wrongContentTypeIs415Problem() {
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.TEXT).body("leak!")
                .post("/api/requests")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void noTokenIs401AndWrongRoleIs403() {
        given().contentType(ContentType.JSON).body(body("\"unit\": \"1\"")).post("/api/requests")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(DevTokens.partner("property")).contentType(ContentType.JSON).body(body("\"unit\": \"1\""))
                .post("/api/requests")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/api/requests/" + java.util.UUID.randomUUID())
                .then().statusCode(401);
    }

    @Test
    void aParameterOfTheWrongTypeIs400ProblemNot404() {
        given().auth().oauth2(DevTokens.worker()).queryParam("page", "ten").get("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid parameter")).body("detail", containsString("ten"))
                .body("errors.field", equalTo(java.util.List.of("page")));
        given().auth().oauth2(DevTokens.worker()).queryParam("createdFrom", "yesterday").queryParam("size", "5")
                .get("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("createdFrom")));
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/not-a-request-id")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("id")));
    }

    @Test
    void unknownRequestIs404Problem() {
        given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Not found"));
    }
}
