package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;

/**
 * The demo community loads through the services' own APIs: its corridor clean-up decision gets carried out, and the
 * dispatcher finds a live day (requests in every state, two weeks of rates, late ones escalated, return visits due);
 * loading it again adds nothing.
 */
class DemoCommunityIT {

    @Test
    void theDemoEstateAllianceAndHallAreThere() {
        LocalSystem system = SystemUnderTest.get();
        String requests = system.url(Service.REQUEST).toString();
        String alliance = system.url(Service.ALLIANCE).toString();

        given().baseUri(requests).auth().oauth2(DevTokens.worker()).get("/api/estate/buildings")
                .then().statusCode(200).body("size()", equalTo(32)).body("find { it.code == '32' }.gridX", equalTo(7));
        given().baseUri(alliance).auth().oauth2(DevTokens.worker()).get("/api/organisations")
                .then().statusCode(200).body("id", hasItems("office", "police", "property", "power", "water",
                        "school", "social"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(requests).auth().oauth2(DevTokens.resident("demo-resident-06"))
                        .queryParam("size", 100).get("/api/deliberation/topics").then().statusCode(200)
                        .body("total", greaterThanOrEqualTo(2))
                        .body("items.find { it.title == '北巷夜间停车怎么管' }.status", equalTo("VOTING"))
                        .body("items.find { it.title == '北巷夜间停车怎么管' }.comments.size()", equalTo(3))
                        .body("items.find { it.title == '13号楼楼道堆物清理' }.decision.done", equalTo(true))
                        .body("items.find { it.title == '13号楼楼道堆物清理' }.decision.progressPercent",
                                equalTo(100)));
    }

    @Test
    void aSecondCommunityUnderTheSameSubDistrictIsOnTheStreetView() {
        LocalSystem system = SystemUnderTest.get();
        String requests = system.url(Service.REQUEST).toString();
        String alliance = system.url(Service.ALLIANCE).toString();
        String board = system.url(Service.NOTIFICATION).toString();
        String qingnianhu = DevTokens.worker(DevTokens.SECOND_COMMUNITY);

        given().baseUri(requests).auth().oauth2(DevTokens.subdistrict()).get("/api/estate/communities").then()
                .statusCode(200).body("id", hasItems("hepingli", "qingnianhu"))
                .body("find { it.id == 'qingnianhu' }.name", equalTo("青年湖社区"))
                .body("find { it.id == 'qingnianhu' }.subdistrict.id", equalTo(DevTokens.SUBDISTRICT));
        // its own estate, its own office, its own day; the first community's worker sees none of it
        given().baseUri(requests).auth().oauth2(qingnianhu).get("/api/estate/buildings").then().statusCode(200)
                .body("size()", equalTo(6));
        given().baseUri(alliance).auth().oauth2(qingnianhu).get("/api/organisations").then().statusCode(200)
                .body("id", hasItems("qingnianhu-office"));
        given().baseUri(requests).auth().oauth2(qingnianhu).queryParam("size", 1).get("/api/requests").then()
                .statusCode(200).body("total", greaterThanOrEqualTo(4));
        given().baseUri(requests).auth().oauth2(DevTokens.worker()).get("/api/estate/buildings").then()
                .statusCode(200).body("size()", equalTo(32));

        // the sub-district's office sees both side by side, with the parties of each
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(board)
                .auth().oauth2(DevTokens.subdistrict()).get("/api/street/overview").then().statusCode(200)
                .body("name", equalTo("和平里街道"))
                .body("communities.id", hasItems("hepingli", "qingnianhu"))
                .body("communities.find { it.id == 'qingnianhu' }.requests.open", greaterThanOrEqualTo(2))
                .body("communities.find { it.id == 'hepingli' }.requests.open", greaterThan(0))
                .body("communities.find { it.id == 'qingnianhu' }.requests.late", greaterThanOrEqualTo(1))
                .body("parties.find { it.organisationId == 'qingnianhu-office' }.communities.communityId",
                        equalTo(List.of("qingnianhu")))
                .body("parties.find { it.organisationId == 'property' }.communities.communityId",
                        equalTo(List.of("hepingli")))
                .body("parties.find { it.organisationId == 'water' }.communities.communityId",
                        hasItems("hepingli", "qingnianhu")));
        given().baseUri(board).auth().oauth2(DevTokens.worker()).get("/api/street/overview").then().statusCode(403);
    }

    /** The water utility serves both communities: one token carrying both sees its tasks of each, named by community. */
    @Test
    void theWaterUtilityServesBothCommunitiesAndHasTasksInEach() {
        String alliance = SystemUnderTest.get().url(Service.ALLIANCE).toString();
        given().baseUri(alliance).auth().oauth2(DevTokens.worker(DevTokens.SECOND_COMMUNITY)).get("/api/organisations")
                .then().statusCode(200).body("id", hasItems("qingnianhu-office", "water"));
        String water = DevTokens.partner(DevTokens.COMMUNITY, "water", List.of(DevTokens.SECOND_COMMUNITY));
        // one community at a time: the other tests give the water utility many newer tasks in 和平里
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String community : List.of(DevTokens.COMMUNITY, DevTokens.SECOND_COMMUNITY)) {
                given().baseUri(alliance).auth().oauth2(water).queryParam("community", community)
                        .queryParam("size", 100).get("/api/partners/me/tasks").then().statusCode(200)
                        .body("items", not(empty()))
                        .body("items.community.id", everyItem(equalTo(community)))
                        .body("items.community.name", everyItem(equalTo(
                                community.equals(DevTokens.COMMUNITY) ? "和平里社区" : "青年湖社区")));
            }
        });
        given().baseUri(alliance).auth().oauth2(DevTokens.partner(DevTokens.COMMUNITY, "water"))
                .queryParam("size", 100).get("/api/partners/me/tasks").then().statusCode(200)
                .body("items.community.id", everyItem(equalTo("hepingli")));
    }

    @Test
    void theDispatcherFindsALiveDayAndASecondLoadAddsNothing() {
        LocalSystem system = SystemUnderTest.get();
        String requests = system.url(Service.REQUEST).toString();
        String alliance = system.url(Service.ALLIANCE).toString();
        String volunteers = system.url(Service.VOLUNTEER).toString();
        String board = system.url(Service.NOTIFICATION).toString();
        String worker = DevTokens.worker();

        // two weeks of history: closed with their return visits, resolved ones whose visit is due
        given().baseUri(requests).auth().oauth2(worker).queryParam("status", "CLOSED").queryParam("size", 1)
                .get("/api/requests").then().statusCode(200).body("total", greaterThanOrEqualTo(25));
        given().baseUri(requests).auth().oauth2(worker).get("/api/follow-ups/due")
                .then().statusCode(200).body("findAll { it.overdue }.size()", greaterThanOrEqualTo(3));
        // today's open requests, the late 12345 tickets among them
        given().baseUri(requests).auth().oauth2(worker).queryParam("overdue", true).queryParam("size", 1)
                .get("/api/requests").then().statusCode(200).body("total", greaterThanOrEqualTo(2));
        given().baseUri(volunteers).auth().oauth2(worker).get("/api/households")
                .then().statusCode(200).body("size()", equalTo(5));
        // work under way: a noise complaint being worked on, a handrail fixed and due its visit, a dispute reopened
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals("IN_PROGRESS", today(requests, worker, "18号楼夜里装修电钻声").getString("status"));
            assertEquals("RESOLVED", today(requests, worker, "走访发现：4号楼3单元二楼扶手断裂").getString("status"));
            JsonPath dispute = today(requests, worker, "楼上楼下因晾衣服滴水起争执");
            assertThat(dispute.getList("timeline.text", String.class)).anyMatch(text -> text.contains("REOPENED"));
        });

        // the rates and their trend have values on most of the fourteen days
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(board).auth().oauth2(worker).get("/api/dashboard/rates").then().statusCode(200)
                        .body("trend", hasSize(14))
                        .body("trend.findAll { it.response.denominator > 0 }.size()", greaterThanOrEqualTo(10))
                        .body("trend.findAll { it.satisfaction.denominator > 0 }.size()", greaterThanOrEqualTo(8)));
        // a ticket received yesterday missed its acknowledge deadline: the alliance escalates it at its next check
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() ->
                given().baseUri(alliance).auth().oauth2(worker).queryParam("overdue", true).queryParam("size", 100)
                        .get("/api/tasks")
                        .then().statusCode(200).body("items.findAll { it.escalationLevel > 0 }.size()", greaterThan(0)));

        // the property company's own system received its tasks through its webhook, signed
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(system.partner().deliveries())
                .anyMatch(d -> d.type().equals("gongzhi.task.assigned.v1") && d.signed()));
        given().baseUri(board).auth().oauth2(DevTokens.partner("property")).get("/api/webhooks").then()
                .statusCode(200).body("size()", equalTo(1));

        List<Long> before = rows(requests, alliance, volunteers, worker);
        system.loadDemoCommunity();
        assertEquals(before, rows(requests, alliance, volunteers, worker), "requests, rules, organisations, households");
        given().baseUri(board).auth().oauth2(DevTokens.partner("property")).get("/api/webhooks").then()
                .statusCode(200).body("size()", equalTo(1));
    }

    /** Today's request of that description, as a worker reads it. */
    private static JsonPath today(String requests, String worker, String description) {
        String id = given().baseUri(requests).auth().oauth2(worker).queryParam("q", description).get("/api/requests")
                .then().statusCode(200).body("total", equalTo(1)).extract().jsonPath().getString("items[0].id");
        return given().baseUri(requests).auth().oauth2(worker).get("/api/requests/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Long> rows(String requests, String alliance, String volunteers, String worker) {
        long filed = given().baseUri(requests).auth().oauth2(worker).queryParam("size", 1).get("/api/requests")
                .then().statusCode(200).extract().jsonPath().getLong("total");
        long rules = given().baseUri(alliance).auth().oauth2(worker).get("/api/routing-rules")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        long members = given().baseUri(alliance).auth().oauth2(worker).get("/api/organisations")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        long households = given().baseUri(volunteers).auth().oauth2(worker).get("/api/households")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        return List.of(filed, rules, members, households);
    }
}
