package org.gongzhi.volunteer.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.Test;

/** Registering teams and volunteers as the demo community loader does, and what is refused. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class TeamTest {

    private static String volunteer(String id, String team, String building, String skill) {
        return """
                {"id": "%s", "name": "张建国", "team": "%s", "building": "%s", "skills": ["%s"],
                 "availability": [{"day": "MON", "from": "09:00", "to": "12:00"}], "maxTasksPerWeek": 3}"""
                .formatted(id, team, building, skill);
    }

    private static void building(String code, int x, int y) {
        org.gongzhi.volunteer.Fixtures.building(code, x, y);
    }

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Reactive Messaging"), containsString("PostgreSQL")));
    }

    @Test
    void aTeamAndItsVolunteerAreCreatedOnceAndThenAreThere() {
        String team = "t-" + UUID.randomUUID().toString().substring(0, 8);
        building("1", 0, 0);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"id\": \"%s\", \"name\": \"6070志愿服务队\"}".formatted(team)).post("/api/teams")
                .then().statusCode(201).header("Location", containsString("/api/teams/" + team));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("{\"id\": \"%s\", \"name\": \"again\"}".formatted(team)).post("/api/teams")
                .then().statusCode(409).contentType("application/problem+json");

        String id = "v-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(volunteer(id, team, "1", "appliance-repair")).post("/api/volunteers")
                .then().statusCode(201).header("Location", containsString("/api/volunteers/" + id))
                .body("skills", hasItem("appliance-repair")).body("active", equalTo(true));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(volunteer(id, team, "1", "appliance-repair")).post("/api/volunteers")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.worker()).queryParam("team", team).get("/api/volunteers")
                .then().statusCode(200).body("id", equalTo(java.util.List.of(id)));
    }

    @Test
    void unknownSkillTeamOrBuildingIsRefusedNamingTheFieldAndNothingIsCreated() {
        String team = "t-" + UUID.randomUUID().toString().substring(0, 8);
        building("1", 0, 0);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"id\": \"%s\", \"name\": \"youth\"}".formatted(team)).post("/api/teams").then().statusCode(201);
        String id = "v-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(volunteer(id, team, "1", "juggling")).post("/api/volunteers")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("skills[0]"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(volunteer(id, team, "99", "errands")).post("/api/volunteers")
                .then().statusCode(400).body("errors.field", hasItem("building"));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(volunteer(id, "no-such-team", "1", "errands")).post("/api/volunteers")
                .then().statusCode(400).body("errors.field", hasItem("team"));
        given().auth().oauth2(DevTokens.worker()).queryParam("team", team).get("/api/volunteers")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void onlyWorkersAndAdminsRegister() {
        given().contentType(ContentType.JSON).body(volunteer("x", "6070", "1", "errands")).post("/api/volunteers")
                .then().statusCode(401);
        given().auth().oauth2(DevTokens.resident("r-1")).contentType(ContentType.JSON)
                .body(volunteer("x", "6070", "1", "errands")).post("/api/volunteers").then().statusCode(403);
    }
}
