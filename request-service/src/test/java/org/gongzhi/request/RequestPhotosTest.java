package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A resident's photo links are kept: on the request, in request.submitted, and as Open311 media_url when allowed. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class RequestPhotosTest {
    private static final String FIRST = "https://photos.example.org/leak/ceiling.jpg";
    private static final String SECOND = "http://photos.example.org/leak/floor.jpg?size=large";

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    private static String submit(String token, boolean publicDescription) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"category": "water-leak", "description": "Water drips from the bathroom ceiling", "building": "7",
                 "unit": "2", "household": "201", "photos": ["%s", "%s"], "publicDescription": %s}"""
                        .formatted(FIRST, SECOND, publicDescription))
                .post("/api/requests")
                .then().statusCode(201).body("photos", contains(FIRST, SECOND)).extract().path("id");
    }

    @Test
    void photoLinksAreStoredShownAndCarriedInTheEventInTheOrderGiven() throws Exception {
        String token = DevTokens.resident("resident-" + UUID.randomUUID());
        String id = submit(token, false);

        given().auth().oauth2(token).get("/api/requests/" + id)
                .then().statusCode(200).body("photos", contains(FIRST, SECOND));
        given().auth().oauth2(Fixtures.workerOf("hepingli")).get("/api/requests/" + id)
                .then().statusCode(200).body("photos", contains(FIRST, SECOND));

        var records = KafkaProbe.records(Topics.REQUESTS, id, found -> !found.isEmpty());
        assertThat(KafkaProbe.header(records.get(0), "ce_type")).isEqualTo("gongzhi.request.submitted.v1");
        JsonNode photos = new ObjectMapper().readTree(records.get(0).value()).get("photos");
        assertThat(photos).isNotNull();
        assertThat(photos.size()).isEqualTo(2);
        assertThat(photos.get(0).asText()).isEqualTo(FIRST);
        assertThat(photos.get(1).asText()).isEqualTo(SECOND);
    }

    @Test
    void aRequestWithoutPhotosShowsAnEmptyListAndNoMediaUrl() {
        String id = given().auth().oauth2(DevTokens.resident("resident-" + UUID.randomUUID()))
                .contentType(ContentType.JSON).body("""
                        {"category": "water-leak", "description": "Water drips from the bathroom ceiling",
                         "building": "7", "publicDescription": true}""")
                .post("/api/requests").then().statusCode(201).body("photos.size()", equalTo(0)).extract().path("id");

        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].media_url", nullValue());
    }

    @Test
    void open311ShowsTheFirstPhotoOnlyWhereTheResidentAgreedTheDescriptionMayBePublic() {
        String agreed = submit(DevTokens.resident("resident-" + UUID.randomUUID()), true);
        String privateOne = submit(DevTokens.resident("resident-" + UUID.randomUUID()), false);

        given().get("/open311/v2/requests/" + agreed + ".json").then().statusCode(200)
                .body("[0].media_url", equalTo(FIRST));
        given().get("/open311/v2/requests/" + privateOne + ".json").then().statusCode(200)
                .body("[0].media_url", nullValue())
                .body("[0].description", nullValue());
    }

    @Test
    void aLinkThatIsNotHttpIsRefusedNamingIt() {
        given().auth().oauth2(DevTokens.resident("resident-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("""
                        {"category": "water-leak", "description": "Water drips", "building": "7",
                         "photos": ["https://photos.example.org/a.jpg", "file:///home/me/leak.jpg"]}""")
                .post("/api/requests")
                .then().statusCode(400).body("errors[0].field", equalTo("photos[1]"));
    }
    @Test
    void open311KeepsTheMediaUrlAnIntegratorPostsAsTheRequestsPhotoLink() {
        String id = given().formParam("api_key", "test-key").formParam("service_code", "water-leak")
                .formParam("description", "Water drips from the bathroom ceiling").formParam("address_id", "7-2-201")
                .formParam("media_url", FIRST).post("/open311/v2/requests.json")
                .then().statusCode(201).extract().path("[0].service_request_id");

        given().get("/open311/v2/requests/" + id + ".json?api_key=test-key").then().statusCode(200)
                .body("[0].media_url", equalTo(FIRST));
        given().auth().oauth2(Fixtures.workerOf("hepingli")).get("/api/requests/" + id)
                .then().statusCode(200).body("photos", contains(FIRST));
        // the public sees it only where the description may be public, as for a resident's photos
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200).body("[0].media_url", nullValue());
        String shared = given().formParam("api_key", "test-key").formParam("service_code", "water-leak")
                .formParam("description", "Water drips from the stairwell ceiling").formParam("address_id", "7")
                .formParam("attribute[public_description]", "true").formParam("media_url", SECOND)
                .post("/open311/v2/requests.json").then().statusCode(201).extract().path("[0].service_request_id");
        given().get("/open311/v2/requests/" + shared + ".json").then().statusCode(200)
                .body("[0].media_url", equalTo(SECOND));
    }

    @Test
    void anOpen311MediaUrlThatIsNotHttpIsRefusedNamingItAndNothingIsFiled() {
        String marker = "Water drips " + UUID.randomUUID();
        given().formParam("api_key", "test-key").formParam("service_code", "water-leak")
                .formParam("description", marker).formParam("address_id", "7")
                .formParam("media_url", "file:///home/me/leak.jpg").post("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].code", equalTo(400))
                .body("[0].description", equalTo("media_url: must be an http(s) link"));
        assertThat(Fixtures.count("select count(*) from resident_request where description = '" + marker + "'"))
                .isZero();
    }
}
