package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.SseClient;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;

/** A leak reported over HTTP travels through all four services over real Kafka and PostgreSQL. */
class WalkingSkeletonIT {

    @Test
    void aLeakIsAssignedToPropertyManagementAndTheDashboardStreamShowsIt() {
        LocalSystem system = SystemUnderTest.get();
        URI requests = system.url(Service.REQUEST);
        try (SseClient stream = new SseClient(system.url(Service.NOTIFICATION).resolve("/api/stream"),
                Map.of("Authorization", "Bearer " + DevTokens.worker()))) {
            String id = given().baseUri(requests.toString()).auth().oauth2(DevTokens.resident("resident-zhang"))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"category": "water-leak", "description": "楼上漏水，卫生间天花板滴水", "building": "7",
                             "unit": "2", "household": "301", "contactPhone": "13800138000"}""")
                    .post("/api/requests")
                    .then().statusCode(201).extract().path("id");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                            .then().statusCode(200)
                            .body("status", equalTo("ASSIGNED"))
                            .body("tasks.organisationId", hasItem("property"))
                            .body("tasks.find { it.organisationId == 'property' }.role", equalTo("LEAD"))
                            .body("timeline.kind", hasItem("TASK_ASSIGNED")));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(data(stream)).anyMatch(d -> d.contains("gongzhi.request.submitted.v1") && d.contains(id));
                assertThat(data(stream)).anyMatch(d -> d.contains("gongzhi.task.assigned.v1") && d.contains(id));
            });
            assertThat(data(stream)).noneMatch(d -> d.contains("13800138000"));
        }
    }

    private static List<String> data(SseClient stream) {
        return stream.events().stream().map(SseClient.Event::data).toList();
    }
}
