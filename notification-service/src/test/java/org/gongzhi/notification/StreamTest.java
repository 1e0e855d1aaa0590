package org.gongzhi.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.devstack.SseClient;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.Test;

/** The dashboard's stream: every event in order, resumable without gaps, only for workers. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
class StreamTest {
    @TestHTTPResource("/api/stream")
    URI stream;

    private static String submitted(String requestId) {
        Instant now = Instant.now();
        return """
                {"communityId": "hepingli", "requestId": "%s", "category": "water-leak", "building": "7", "unit": "2",
                 "urgency": "HIGH", "tracks": ["ALLIANCE"], "description": "leak", "channel": "app",
                 "respondBy": "%s", "resolveBy": "%s", "submittedAt": "%s"}"""
                .formatted(requestId, now.plusSeconds(7200), now.plusSeconds(86400), now);
    }

    private static String assigned(String requestId) {
        Instant now = Instant.now();
        return """
                {"communityId": "hepingli", "taskId": "t-%s", "requestId": "%s", "organisationId": "property",
                 "organisationName": "和平物业", "role": "LEAD", "category": "water-leak", "building": "7",
                 "acknowledgeBy": "%s", "completeBy": "%s", "assignedAt": "%s"}"""
                .formatted(UUID.randomUUID(), requestId, now.plusSeconds(3600), now.plusSeconds(86400), now);
    }

    @Test
    void aWorkerSeesBothEventsInOrderAndResumesAfterTheLastOneWithoutGaps() {
        String request = UUID.randomUUID().toString();
        String submittedId = UUID.randomUUID().toString();
        try (SseClient client = new SseClient(stream, Map.of("Authorization", "Bearer " + DevTokens.worker()))) {
            KafkaProbe.publish(Topics.REQUESTS, request, submittedId, "gongzhi.request.submitted.v1",
                    submitted(request));
            KafkaProbe.publish(Topics.REQUESTS, request, submittedId, "gongzhi.request.submitted.v1",
                    submitted(request));
            // two topics have no order between them (each is consumed on its own): the task comes once the request
            // is on the stream, as it does in the running system
            await().atMost(Duration.ofSeconds(20)).until(() -> client.events().stream()
                    .anyMatch(e -> e.data().contains(request)));
            KafkaProbe.publish(Topics.TASKS, request, UUID.randomUUID().toString(), "gongzhi.task.assigned.v1",
                    assigned(request));
            await().atMost(Duration.ofSeconds(20)).until(() -> client.events().stream()
                    .filter(e -> e.data().contains(request)).count() >= 2);
            var mine = client.events().stream().filter(e -> e.data().contains(request)).toList();
            assertThat(mine).extracting(SseClient.Event::name)
                    .containsExactly("gongzhi.request.submitted.v1", "gongzhi.task.assigned.v1");
            assertThat(Long.parseLong(mine.get(1).id())).isGreaterThan(Long.parseLong(mine.get(0).id()));

            // a reconnect after the first gets the second and nothing before it
            String resumeAfter = mine.get(0).id();
            try (SseClient resumed = new SseClient(stream, Map.of("Authorization", "Bearer " + DevTokens.worker(),
                    "Last-Event-ID", resumeAfter))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> resumed.events().stream()
                        .anyMatch(e -> e.data().contains(request)));
                assertThat(resumed.events()).allMatch(e -> Long.parseLong(e.id()) > Long.parseLong(resumeAfter));
                assertThat(resumed.events().stream().filter(e -> e.data().contains(request)))
                        .extracting(SseClient.Event::name).containsExactly("gongzhi.task.assigned.v1");
            }
        }
        // the shared demo community may hold many open requests: one page of all of them
        given().auth().oauth2(DevTokens.worker()).queryParam("size", 500).get("/api/dashboard/requests").then()
                .statusCode(200)
                .body("items.find { it.id == '%s' }.status".formatted(request), equalTo("SUBMITTED"))
                .body("items.find { it.id == '%s' }.leadParty".formatted(request), equalTo("和平物业"));
        // the map lists a building the registry does not (yet) know too, after the grid
        given().auth().oauth2(DevTokens.worker()).get("/api/dashboard/buildings").then().statusCode(200)
                .body("building", hasItem("7"));
    }

    @Test
    void aBrowserOpensTheStreamWithASingleUseTicket() {
        String ticket = given().auth().oauth2(DevTokens.worker()).post("/api/stream/tickets")
                .then().statusCode(200).extract().path("ticket");
        try (SseClient client = new SseClient(URI.create(stream + "?ticket=" + ticket), Map.of())) {
            assertThat(client.status()).isEqualTo(200);
        }
        given().queryParam("ticket", ticket).get("/api/stream").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void onlyWorkersOpenTheStreamAndReadTheDashboard() {
        given().get("/api/stream").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.resident("r-1")).get("/api/stream").then().statusCode(403);
        given().auth().oauth2(DevTokens.partner("property")).post("/api/stream/tickets").then().statusCode(403);
        given().get("/api/dashboard/requests").then().statusCode(401);
        given().auth().oauth2(DevTokens.resident("r-1")).get("/api/dashboard/requests").then().statusCode(403);
    }
}
