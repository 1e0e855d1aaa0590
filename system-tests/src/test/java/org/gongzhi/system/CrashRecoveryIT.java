package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;

/** alliance-service dies by SIGKILL while requests flow; after a restart every request is assigned exactly once. */
class CrashRecoveryIT {
    private static final int REQUESTS = 40;

    @Test
    void everyRequestReachesAssignedExactlyOnceAcrossASigkill() {
        LocalSystem system = SystemUnderTest.get();
        URI requests = system.url(Service.REQUEST);
        ServiceProcess alliance = system.service(Service.ALLIANCE);

        List<String> ids = new ArrayList<>();
        CompletableFuture<Void> killer = null;
        for (int i = 0; i < REQUESTS; i++) {
            ids.add(given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .contentType(ContentType.JSON)
                    .body("{\"category\": \"water-leak\", \"description\": \"leak number " + i + "\", "
                            + "\"building\": \"" + (i % 32 + 1) + "\"}")
                    .post("/api/requests").then().statusCode(201).extract().<String>path("id"));
            if (i == REQUESTS / 4) {
                killer = CompletableFuture.runAsync(alliance::kill);
            }
        }
        killer.join();
        assertThat(alliance.isAlive()).isFalse();
        alliance.start().awaitReady(Duration.ofSeconds(120));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : ids) {
                JsonPath request = given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                        .get("/api/requests/" + id).then().statusCode(200).extract().jsonPath();
                assertThat(request.getString("status")).as(id).isEqualTo("ASSIGNED");
            }
        });
        for (String id : ids) {
            JsonPath request = given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .get("/api/requests/" + id).then().extract().jsonPath();
            List<String> leads = request.getList("tasks.findAll { it.role == 'LEAD' }.organisationId");
            List<String> assignedEntries = request.getList("timeline.findAll { it.kind == 'TASK_ASSIGNED' }.text");
            List<String> statusEntries = request.getList("timeline.findAll { it.kind == 'STATUS' }.text");
            assertThat(leads).as("one lead task for " + id).containsExactly("property");
            assertThat(assignedEntries).as("task entries of " + id).hasSize(request.getList("tasks").size());
            assertThat(statusEntries).as("status entries of " + id).hasSize(1).allMatch(s -> s.startsWith("Status: ASSIGNED"));
        }
    }
}
