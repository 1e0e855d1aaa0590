package org.gongzhi.volunteer.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.volunteer.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.volunteer.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A team's work end to end: a worker asks for volunteers, fairness spreads the work, progress, completion with hours,
 * a hand-over to the police, profiles a leader manages, and the hours ledger and team stats that add it all up.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class TeamWorkTest {

    private static String ask(String requestId, String building) {
        as(DevTokens.worker()).body("""
                {"requestId": "%s", "category": "paperwork-help", "building": "%s"}""".formatted(requestId, building))
                .post("/api/matchings").then().statusCode(201).header("Location", containsString(requestId))
                .body("skill", equalTo("paperwork")).body("offers.size()", equalTo(1));
        return as(DevTokens.worker()).get("/api/matchings/" + requestId).then().statusCode(200)
                .extract().path("offers[0].volunteerId");
    }

    private static String openOffer(String volunteer, String requestId) {
        return as(DevTokens.volunteer(volunteer)).get("/api/volunteers/me/offers").then().statusCode(200)
                .extract().path("find { it.requestId == '%s' }.id".formatted(requestId));
    }

    @Test
    void fairnessSpreadsTheWorkAndTheLedgerAddsItUp() {
        Fixtures.building("400", 400, 400);
        String s = Fixtures.suffix();
        String team = "paper-" + s;
        String a = "a-" + s;
        String b = "b-" + s;
        String outsider = "o-" + s;
        Fixtures.team(team, b);
        Fixtures.volunteer(a, team, "400", "paperwork");
        Fixtures.volunteer(b, team, "400", "paperwork");
        Fixtures.team("other-" + s, null);
        Fixtures.volunteer(outsider, "other-" + s, "400", "errands");

        // bad asks are refused, naming the field
        as(DevTokens.worker()).body("{\"requestId\": \"r\", \"category\": \"paperwork-help\", \"building\": \"nowhere\"}")
                .post("/api/matchings").then().statusCode(400).body("errors.field", hasItem("building"));
        as(DevTokens.worker()).body("{\"requestId\": \"r\", \"category\": \"x\", \"building\": \"400\", \"skill\": \"magic\"}")
                .post("/api/matchings").then().statusCode(400).body("errors.field", hasItem("skill"));

        // equal candidates: the first goes to a (by id); a now has a task this week, so the second goes to b
        String first = "req-" + UUID.randomUUID();
        assertThat(ask(first, "400")).isEqualTo(a);
        as(DevTokens.worker()).body("{\"requestId\": \"%s\", \"category\": \"paperwork-help\", \"building\": \"400\"}"
                .formatted(first)).post("/api/matchings").then().statusCode(409);
        String offerA = openOffer(a, first);
        as(DevTokens.volunteer(a)).body("{\"note\": \"half done\"}").post("/api/offers/" + offerA + "/progress")
                .then().statusCode(409);
        as(DevTokens.volunteer(a)).post("/api/offers/" + offerA + "/accept").then().statusCode(200);
        as(DevTokens.volunteer(a)).body("{\"note\": \"forms filled in, waiting for the stamp\"}")
                .post("/api/offers/" + offerA + "/progress").then().statusCode(200)
                .body("progressNote", equalTo("forms filled in, waiting for the stamp"));
        as(DevTokens.volunteer(a)).body("{\"hours\": -1}").post("/api/offers/" + offerA + "/complete")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("hours"));
        as(DevTokens.volunteer(a)).body("{\"hours\": 2, \"note\": \"pension form\"}")
                .post("/api/offers/" + offerA + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
        as(DevTokens.volunteer(a)).body("{\"hours\": 2}").post("/api/offers/" + offerA + "/complete")
                .then().statusCode(409);

        String second = "req-" + UUID.randomUUID();
        assertThat(ask(second, "400")).isEqualTo(b);
        String offerB = openOffer(b, second);
        as(DevTokens.volunteer(b)).post("/api/offers/" + offerB + "/accept").then().statusCode(200);
        as(DevTokens.volunteer(b)).body("{\"hours\": 1.25}").post("/api/offers/" + offerB + "/complete")
                .then().statusCode(200);

        // the third needs a professional: handed over, the alliance takes it
        String third = "req-" + UUID.randomUUID();
        String who = ask(third, "400");
        String offer3 = openOffer(who, third);
        as(DevTokens.volunteer(who)).post("/api/offers/" + offer3 + "/accept").then().statusCode(200);
        as(DevTokens.volunteer(who)).body("{\"handOverTo\": \"PLUMBER\", \"reason\": \"x\"}")
                .post("/api/offers/" + offer3 + "/hand-over").then().statusCode(400)
                .body("errors.field", hasItem("handOverTo"));
        as(DevTokens.volunteer(who)).body("{\"handOverTo\": \"POLICE\", \"reason\": \"the landlord's papers look forged\"}")
                .post("/api/offers/" + offer3 + "/hand-over").then().statusCode(200)
                .body("status", equalTo("HANDED_OVER")).body("handedOverTo", equalTo("POLICE"));
        var handedOver = Fixtures.events(third, "gongzhi.volunteer.handed-over.v1", 1);
        assertThat(handedOver).hasSize(1);
        assertThat(handedOver.get(0).value()).contains("\"handOverTo\":\"POLICE\"", "papers look forged");
        as(DevTokens.worker()).get("/api/matchings/" + third).then().body("status", equalTo("HANDED_OVER"));
        assertThat(Fixtures.events(first, "gongzhi.volunteer.completed.v1", 1).get(0).value())
                .contains("\"hours\":2");

        // the ledger: each volunteer's own, and the team's with its recognition list
        as(DevTokens.volunteer(a)).get("/api/volunteers/me/hours").then().statusCode(200)
                .body("total", equalTo(2.0f)).body("tasks", equalTo(1)).body("entries[0].note", equalTo("pension form"));
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        as(DevTokens.volunteer(b)).get("/api/teams/" + team + "/stats").then().statusCode(200)
                .body("members", equalTo(2)).body("totalHours", equalTo(3.25f)).body("entries", equalTo(2))
                .body("monthly[0].month", equalTo(month)).body("monthly[0].hours", equalTo(3.25f))
                .body("recognition[0].volunteerId", equalTo(a)).body("recognition[0].rank", equalTo(1))
                .body("recognition[1].volunteerId", equalTo(b)).body("recognition[1].hours", equalTo(1.25f));
        assertThat(as(DevTokens.volunteer(b)).accept("text/csv").get("/api/teams/" + team + "/recognition").then()
                .statusCode(200).extract().asString()).isEqualTo("rank,volunteer,name,hours,entries\n"
                        + "1," + a + ",志愿者 " + a + ",2.00,1\n2," + b + ",志愿者 " + b + ",1.25,1\n");
        as(DevTokens.worker()).queryParam("month", "2020-01").get("/api/teams/" + team + "/stats").then()
                .statusCode(200).body("recognition.size()", equalTo(0)).body("totalHours", equalTo(3.25f));
        as(DevTokens.worker()).queryParam("month", "November").get("/api/teams/" + team + "/stats").then()
                .statusCode(400).body("errors.field", hasItem("month"));
        as(DevTokens.volunteer(outsider)).get("/api/teams/" + team + "/stats").then().statusCode(404);
        as(DevTokens.worker()).get("/api/teams/no-such-team/stats").then().statusCode(404);

        // someone else's offer does not exist for you
        as(DevTokens.volunteer(outsider)).body("{\"hours\": 1}").post("/api/offers/" + offerA + "/complete")
                .then().statusCode(404);
    }

    @Test
    void aVolunteerManagesTheirProfileAndTheLeaderTheTeam() {
        Fixtures.building("410", 410, 410);
        String s = Fixtures.suffix();
        String team = "prof-" + s;
        String leader = "lead-" + s;
        String member = "mem-" + s;
        String outsider = "out-" + s;
        Fixtures.team(team, leader);
        Fixtures.volunteer(leader, team, "410", "errands");
        Fixtures.volunteer(member, team, "410", "escort");
        Fixtures.team("else-" + s, null);
        Fixtures.volunteer(outsider, "else-" + s, "410", "escort");

        as(DevTokens.volunteer(member)).body("""
                {"skills": ["escort", "tutoring"], "availability": [{"day": "SAT", "from": "09:00", "to": "12:00"}],
                 "maxTasksPerWeek": 2, "phone": "13800138000"}""").patch("/api/volunteers/me").then().statusCode(200)
                .body("skills", equalTo(java.util.List.of("escort", "tutoring"))).body("maxTasksPerWeek", equalTo(2))
                .body("availability", equalTo("SAT 09:00-12:00")).body("phone", equalTo("13800138000"));
        as(DevTokens.volunteer(member)).body("{\"skills\": [\"juggling\"]}").patch("/api/volunteers/me")
                .then().statusCode(400).body("errors.field", hasItem("skills[0]"));
        as(DevTokens.volunteer(member)).body("{\"building\": \"nowhere\"}").patch("/api/volunteers/me")
                .then().statusCode(400).body("errors.field", hasItem("building"));
        as(DevTokens.volunteer(member)).get("/api/volunteers/me").then().statusCode(200)
                .body("skills", equalTo(java.util.List.of("escort", "tutoring")));

        // the leader pauses a member; someone from another team cannot even see them
        as(DevTokens.volunteer(outsider)).body("{\"active\": false}").patch("/api/volunteers/" + member)
                .then().statusCode(404);
        as(DevTokens.volunteer(leader)).body("{\"active\": false}").patch("/api/volunteers/" + member)
                .then().statusCode(200).body("active", equalTo(false));

        // a paused volunteer is not asked: the escort goes to the outsider instead
        String request = "req-" + UUID.randomUUID();
        as(DevTokens.worker()).body("""
                {"requestId": "%s", "category": "hospital-visit", "building": "410", "skill": "escort"}"""
                .formatted(request)).post("/api/matchings").then().statusCode(201)
                .body("offers[0].volunteerId", equalTo(outsider));
        as(DevTokens.volunteer(member)).body("{\"active\": true}").patch("/api/volunteers/me").then()
                .statusCode(200).body("active", equalTo(true));
    }
}
