package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.Test;

/** Admin CRUD of members: contacts, rota and coverage, validated field by field. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class OrganisationTest {

    private static String body(String id, String extra) {
        return """
                {"id": "%s", "name": "和谐社工事务所", "nameEn": "Hexie social work agency", "type": "SOCIAL_ORGANISATION",
                 "buildings": ["1", "2"], "categories": ["neighbour-dispute"],
                 "contacts": [{"name": "周社工", "role": "caseworker", "phone": "010-6421-1234"}],
                 "rota": [{"dayOfWeek": 1, "starts": "08:30", "ends": "17:30", "contact": "周社工", "backup": "吴社工"}]
                 %s}""".formatted(id, extra);
    }

    @Test
    void anOrganisationIsRegisteredReplacedReadAndRemoved() {
        String id = "social-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(body(id, ""))
                .post("/api/organisations").then().statusCode(201)
                .body("contacts[0].name", equalTo("周社工")).body("rota[0].backup", equalTo("吴社工"))
                .body("buildings", hasItem("2"));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(body(id, "").replace("\"2\"]", "\"3\"]").replace("吴社工", "郑社工"))
                .put("/api/organisations/" + id).then().statusCode(200)
                .body("rota[0].backup", equalTo("郑社工")).body("buildings", hasItem("3"));
        given().auth().oauth2(DevTokens.partner("police")).get("/api/organisations/" + id)
                .then().statusCode(200).body("rota.size()", equalTo(1)).body("contacts.size()", equalTo(1));
        given().auth().oauth2(DevTokens.admin()).delete("/api/organisations/" + id).then().statusCode(204);
        given().auth().oauth2(DevTokens.admin()).get("/api/organisations")
                .then().body("id", not(hasItem(id)));
        given().auth().oauth2(DevTokens.admin()).get("/api/organisations/" + id).then().statusCode(404);
    }

    @Test
    void anOrganisationNamedByARuleCannotBeRemoved() {
        Fixtures.leakAlliance();
        given().auth().oauth2(DevTokens.admin()).delete("/api/organisations/water")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badCoverageOrRotaIs400NamingTheField() {
        String id = "bad-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(body(id, "").replace("[\"1\", \"2\"]", "[\"1\", \"77\"]"))
                .post("/api/organisations").then().statusCode(400).body("errors.field", hasItem("buildings[1]"));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(body(id, "").replace("neighbour-dispute", "alien-invasion"))
                .post("/api/organisations").then().statusCode(400).body("errors.field", hasItem("categories[0]"));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(body(id, "").replace("\"dayOfWeek\": 1", "\"dayOfWeek\": 9"))
                .post("/api/organisations").then().statusCode(400).body("errors.field", hasItem("rota[0].dayOfWeek"));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(body(id, "").replace("010-6421-1234", "call me"))
                .post("/api/organisations").then().statusCode(400).body("errors.field", hasItem(containsString("phone")));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body(body("Not An Id", ""))
                .post("/api/organisations").then().statusCode(400).body("errors.field", hasItem("id"));
        given().auth().oauth2(DevTokens.admin()).get("/api/organisations/" + id).then().statusCode(404);
    }
}
