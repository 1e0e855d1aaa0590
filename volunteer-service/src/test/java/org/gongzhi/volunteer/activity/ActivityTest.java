package org.gongzhi.volunteer.activity;

import static org.gongzhi.volunteer.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.TestClock;
import org.gongzhi.volunteer.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A team publishes a weekly repair day; volunteers sign up; attendance credits hours once. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class ActivityTest {

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void aWeeklyRepairDayWhoseAttendanceCountsHours() {
        Fixtures.building("420", 420, 420);
        String s = Fixtures.suffix();
        String team = "repair-" + s;
        String leader = "lead-" + s;
        String helper = "help-" + s;
        String late = "late-" + s;
        Fixtures.team(team, leader);
        Fixtures.volunteer(leader, team, "420", "appliance-repair");
        Fixtures.volunteer(helper, team, "420", "appliance-repair");
        Fixtures.volunteer(late, team, "420", "appliance-repair");
        Instant saturday = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        String body = """
                {"title": "便民维修日", "kind": "REPAIR_DAY", "building": "420", "startsAt": "%s", "hours": 3,
                 "capacity": 2, "repeatWeeks": 3}""".formatted(saturday);

        as(DevTokens.volunteer(helper)).body(body).post("/api/teams/" + team + "/activities").then().statusCode(404);
        as(DevTokens.volunteer(leader)).body(body.replace("\"hours\": 3", "\"hours\": 30"))
                .post("/api/teams/" + team + "/activities").then().statusCode(400).body("errors.field", hasItem("hours"));
        String first = as(DevTokens.volunteer(leader)).body(body).post("/api/teams/" + team + "/activities").then()
                .statusCode(201).body("size()", equalTo(4)).body("[1].startsAt", equalTo(saturday.plus(
                        Duration.ofDays(7)).toString())).extract().path("[0].id");
        as(DevTokens.volunteer(helper)).queryParam("team", team).get("/api/activities").then().statusCode(200)
                .body("size()", equalTo(4)).body("[0].title", equalTo("便民维修日"));

        as(DevTokens.volunteer(helper)).post("/api/activities/" + first + "/sign-ups").then().statusCode(201)
                .body("signedUp", equalTo(1));
        as(DevTokens.volunteer(helper)).post("/api/activities/" + first + "/sign-ups").then().statusCode(409);
        as(DevTokens.volunteer(leader)).post("/api/activities/" + first + "/sign-ups").then().statusCode(201);
        as(DevTokens.volunteer(late)).post("/api/activities/" + first + "/sign-ups").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("full"));
        as(DevTokens.volunteer(leader)).body("{\"present\": [\"%s\"]}".formatted(helper))
                .post("/api/activities/" + first + "/attendance").then().statusCode(409);

        TestClock.advance(Duration.ofDays(1).plusHours(4));
        as(DevTokens.volunteer(helper)).body("{\"present\": [\"%s\"]}".formatted(helper))
                .post("/api/activities/" + first + "/attendance").then().statusCode(404);
        as(DevTokens.volunteer(leader)).body("{\"present\": [\"%s\"]}".formatted(late))
                .post("/api/activities/" + first + "/attendance").then().statusCode(400)
                .body("errors.field", hasItem("present[0]"));
        as(DevTokens.volunteer(leader)).body("{\"present\": [\"%s\"]}".formatted(helper))
                .post("/api/activities/" + first + "/attendance").then().statusCode(200)
                .body("attendanceClosed", equalTo(true));
        as(DevTokens.worker()).body("{\"present\": [\"%s\"]}".formatted(helper))
                .post("/api/activities/" + first + "/attendance").then().statusCode(409);

        as(DevTokens.volunteer(helper)).get("/api/volunteers/me/hours").then().statusCode(200)
                .body("total", equalTo(3.0f)).body("entries[0].source", equalTo("ACTIVITY"));
        as(DevTokens.volunteer(leader)).get("/api/volunteers/me/hours").then().statusCode(200)
                .body("total", equalTo(0));
        as(DevTokens.worker()).get("/api/teams/" + team + "/stats").then().statusCode(200)
                .body("totalHours", equalTo(3.0f)).body("recognition[0].volunteerId", equalTo(helper));
    }
}
