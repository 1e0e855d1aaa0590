package org.gongzhi.request;

import org.gongzhi.devstack.KafkaProbe;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.events.Topics;

/** Plays the alliance: publishes its task events for a request, as alliance-service would. */
public final class Tracks {
    private Tracks() {
    }

    public static String submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/requests").then().statusCode(201).extract().path("id");
    }

    public static String leakBy(String token) {
        return submit(token, "{\"category\": \"water-leak\", \"description\": \"Leak in the kitchen\", "
                + "\"building\": \"7\", \"unit\": \"1\", \"household\": \"101\", \"contactPhone\": \"13912345678\"}");
    }

    public static void assign(String requestId, String taskId, String org) {
        Instant now = Instant.now();
        KafkaProbe.publish(Topics.TASKS, requestId, UUID.randomUUID().toString(), "gongzhi.task.assigned.v1", """
                {"communityId": "hepingli", "taskId": "%s", "requestId": "%s", "organisationId": "%s",
                 "organisationName": "和平物业", "role": "LEAD", "category": "water-leak", "building": "7",
                 "acknowledgeBy": "%s", "completeBy": "%s", "assignedAt": "%s"}"""
                .formatted(taskId, requestId, org, now.plusSeconds(3600), now.plusSeconds(86400), now));
        awaitStatus(requestId, "ASSIGNED");
    }

    public static void resolve(String requestId) {
        KafkaProbe.publish(Topics.TASKS, requestId, UUID.randomUUID().toString(), "gongzhi.case.resolved.v1", """
                {"communityId": "hepingli", "requestId": "%s", "tasks": 1, "resolvedAt": "%s"}"""
                .formatted(requestId, Instant.now()));
        awaitStatus(requestId, "RESOLVED");
    }

    public static void awaitStatus(String requestId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.worker()).get("/api/requests/" + requestId)
                        .then().body("status", equalTo(status)));
    }
}
