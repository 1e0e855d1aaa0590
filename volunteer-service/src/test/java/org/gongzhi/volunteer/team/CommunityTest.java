package org.gongzhi.volunteer.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.volunteer.Fixtures.as;
import static org.gongzhi.volunteer.Fixtures.volunteerOf;
import static org.gongzhi.volunteer.Fixtures.workerOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.volunteer.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * One deployment serves many communities: a team and its volunteers belong to the community of the worker who
 * registered them (from the token), and only that community's volunteers are asked for its requests.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class CommunityTest {



    @Test
    void teamsAndVolunteersBelongToTheirCommunityAndOnlyItsVolunteersAreAsked() {
        Fixtures.building("600", 600, 600);
        String s = Fixtures.suffix();
        String yuetan = "yuetan-" + s;
        String theirs = workerOf(yuetan);
        // each community has its own grid: the other community's building of the same code
        Fixtures.building(yuetan, "600", 600, 600);

        // a team and a volunteer of the other community, registered by its worker
        as(theirs).body("{\"id\": \"yt-%s\", \"name\": \"月坛队\"}".formatted(s)).post("/api/teams").then()
                .statusCode(201).body("communityId", equalTo(yuetan));
        as(theirs).body("""
                {"id": "y-%s", "name": "月坛志愿者", "team": "yt-%s", "building": "600", "skills": ["errands"],
                 "availability": %s, "maxTasksPerWeek": 5}""".formatted(s, s, Fixtures.ALWAYS))
                .post("/api/volunteers").then().statusCode(201).body("communityId", equalTo(yuetan));
        as(volunteerOf(yuetan, "y-" + s)).get("/api/volunteers/me").then().statusCode(200)
                .body("communityId", equalTo(yuetan));
        // a token of our community that names their volunteer does not reach them
        String misnamed = volunteerOf(DevTokens.COMMUNITY, "y-" + s);
        as(misnamed).get("/api/volunteers/me").then().statusCode(404).contentType("application/problem+json");
        as(misnamed).get("/api/volunteers/me/offers").then().statusCode(404);
        as(misnamed).get("/api/volunteers/me/tasks").then().statusCode(404);
        as(misnamed).get("/api/volunteers/me/hours").then().statusCode(404);
        as(misnamed).body("{\"active\": false}").patch("/api/volunteers/me").then().statusCode(404);
        // nor as the leader of their team: not its profile changes, its figures or its activities
        as(theirs).body("{\"id\": \"yl-%s\", \"name\": \"月坛二队\", \"leader\": \"y-%s\"}".formatted(s, s))
                .post("/api/teams").then().statusCode(201);
        as(volunteerOf(yuetan, "y-" + s)).get("/api/teams/yl-" + s + "/stats").then().statusCode(200);
        as(misnamed).body("{\"active\": false}").patch("/api/volunteers/y-" + s).then().statusCode(404)
                .contentType("application/problem+json");
        as(misnamed).get("/api/teams/yl-" + s + "/stats").then().statusCode(404);
        as(misnamed).body("{\"title\": \"x\", \"kind\": \"OTHER\", \"startsAt\": \"%s\", \"hours\": 1, \"capacity\": 1}"
                .formatted(Instant.now().plus(Duration.ofDays(2)))).post("/api/teams/yl-" + s + "/activities").then()
                .statusCode(404);

        // and one of ours, next door to theirs
        Fixtures.team("hp-" + s, null);
        Fixtures.volunteer("h-" + s, "hp-" + s, "600", "errands");
        as(DevTokens.volunteer("h-" + s)).get("/api/volunteers/me").then().statusCode(200)
                .body("communityId", equalTo(DevTokens.COMMUNITY));

        // each worker sees only their own community's teams and volunteers
        List<String> ourTeams = as(DevTokens.worker()).get("/api/teams").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(ourTeams).contains("hp-" + s).doesNotContain("yt-" + s);
        as(theirs).get("/api/teams").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.containsInAnyOrder("yt-" + s, "yl-" + s));
        List<String> ourVolunteers = as(DevTokens.worker()).get("/api/volunteers").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(ourVolunteers).contains("h-" + s).doesNotContain("y-" + s);
        as(theirs).get("/api/volunteers").then().statusCode(200).body("id", equalTo(List.of("y-" + s)));

        // another community's team, volunteer and team stats do not exist for us
        as(DevTokens.worker()).body("""
                {"id": "x-%s", "name": "?", "team": "yt-%s", "building": "600", "skills": ["errands"],
                 "availability": [], "maxTasksPerWeek": 1}""".formatted(s, s)).post("/api/volunteers").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("team"));
        as(DevTokens.worker()).body("{\"active\": false}").patch("/api/volunteers/y-" + s).then().statusCode(404);
        as(DevTokens.worker()).get("/api/teams/yt-" + s + "/stats").then().statusCode(404);
        as(theirs).get("/api/teams/yt-" + s + "/stats").then().statusCode(200).body("members", equalTo(1));

        // our team's activity is listed for us, not for them, and they cannot sign up for it
        String activity = as(DevTokens.worker()).body("""
                {"title": "便民维修日", "kind": "REPAIR_DAY", "building": "600", "startsAt": "%s", "hours": 2,
                 "capacity": 5, "repeatWeeks": 0}""".formatted(Instant.now().plus(Duration.ofDays(2))))
                .post("/api/teams/hp-" + s + "/activities").then().statusCode(201).extract().path("[0].id");
        as(theirs).body("{\"title\": \"x\", \"kind\": \"OTHER\", \"startsAt\": \"%s\", \"hours\": 1, \"capacity\": 1}"
                .formatted(Instant.now().plus(Duration.ofDays(2)))).post("/api/teams/hp-" + s + "/activities").then()
                .statusCode(404);
        List<String> ourActivities = as(DevTokens.volunteer("h-" + s)).get("/api/activities").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(ourActivities).contains(activity);
        as(volunteerOf(yuetan, "y-" + s)).get("/api/activities").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(activity)));
        as(volunteerOf(yuetan, "y-" + s)).post("/api/activities/" + activity + "/sign-ups").then().statusCode(404);
        as(DevTokens.volunteer("h-" + s)).post("/api/activities/" + activity + "/sign-ups").then().statusCode(201);

        // our request is offered to our volunteer only; when they decline nobody of ours is left
        String ours = "req-" + UUID.randomUUID();
        as(DevTokens.worker()).body("""
                {"requestId": "%s", "category": "shopping-help", "building": "600"}""".formatted(ours))
                .post("/api/matchings").then().statusCode(201).body("offers.volunteerId", equalTo(List.of("h-" + s)));
        String offer = as(DevTokens.volunteer("h-" + s)).get("/api/volunteers/me/offers").then().statusCode(200)
                .extract().path("find { it.requestId == '%s' }.id".formatted(ours));
        as(DevTokens.volunteer("h-" + s)).post("/api/offers/" + offer + "/decline").then().statusCode(200);
        as(DevTokens.worker()).get("/api/matchings/" + ours).then().statusCode(200)
                .body("status", equalTo("UNMATCHED")).body("offers.volunteerId", equalTo(List.of("h-" + s)));
        assertThat(Fixtures.events(ours, "gongzhi.volunteer.unmatched.v1", 1).get(0).value())
                .contains("\"communityId\":\"" + DevTokens.COMMUNITY + "\"");

        // theirs goes to their volunteer, and the event says whose community it is
        String their = "req-" + UUID.randomUUID();
        as(theirs).body("""
                {"requestId": "%s", "category": "shopping-help", "building": "600"}""".formatted(their))
                .post("/api/matchings").then().statusCode(201).body("offers.volunteerId", equalTo(List.of("y-" + s)));
        assertThat(Fixtures.events(their, "gongzhi.volunteer.offered.v1", 1).get(0).value())
                .contains("\"communityId\":\"" + yuetan + "\"", "\"volunteerId\":\"y-" + s + "\"");
        // and is not ours to look at
        as(DevTokens.worker()).get("/api/matchings/" + their).then().statusCode(404);
        as(theirs).get("/api/matchings/" + their).then().statusCode(200).body("status", equalTo("MATCHING"));
    }
}
