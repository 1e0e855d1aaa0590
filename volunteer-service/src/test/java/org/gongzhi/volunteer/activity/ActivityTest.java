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
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    /**
     * A full repair day of 200 (the largest capacity) all present: the hours are credited one after the other; folded
     * as {@code uni.chain(…)} in a loop this overflowed the tests' 512 KiB stack and the answer never came.
     */
    @Test
    void attendanceOfTwoHundredCreditsEveryoneHours() {
        Fixtures.building("421", 421, 421);
        String s = Fixtures.suffix();
        String team = "crowd-" + s;
        String leader = "lead-" + s;
        Fixtures.team(team, leader);
        Fixtures.volunteer(leader, team, "421", "appliance-repair");
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        String activity = as(DevTokens.volunteer(leader)).body("""
                        {"title": "大扫除", "kind": "REPAIR_DAY", "building": "421", "startsAt": "%s", "hours": 2,
                         "capacity": 200, "repeatWeeks": 0}""".formatted(start))
                .post("/api/teams/" + team + "/activities").then().statusCode(201).extract().path("[0].id");
        List<String> crowd = IntStream.range(0, 200).mapToObj(i -> "v" + i + "-" + s).toList();
        for (String volunteer : crowd) {
            Fixtures.volunteer(volunteer, team, "421", "appliance-repair");
            as(DevTokens.volunteer(volunteer)).post("/api/activities/" + activity + "/sign-ups").then()
                    .statusCode(201);
        }

        TestClock.advance(Duration.ofDays(1).plusHours(4));
        String present = crowd.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
        as(DevTokens.volunteer(leader)).body("{\"present\": " + present + "}")
                .post("/api/activities/" + activity + "/attendance").then().statusCode(200)
                .body("attendanceClosed", equalTo(true)).body("signedUp", equalTo(200));
        for (String volunteer : List.of(crowd.get(0), crowd.get(199))) {
            as(DevTokens.volunteer(volunteer)).get("/api/volunteers/me/hours").then().statusCode(200)
                    .body("total", equalTo(2.0f));
        }
        as(DevTokens.worker()).get("/api/teams/" + team + "/stats").then().statusCode(200)
                .body("totalHours", equalTo(400.0f));
    }
}
