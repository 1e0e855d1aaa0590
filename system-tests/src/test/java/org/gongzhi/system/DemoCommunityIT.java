package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;

/** The demo community loads through the services' own APIs, and its corridor clean-up decision gets carried out. */
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
}
