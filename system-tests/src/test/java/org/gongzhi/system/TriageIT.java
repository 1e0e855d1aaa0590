package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;

/**
 * A dispatcher's triage of requests already routed, across the packaged services: a re-categorised leak is re-routed
 * to the power company (the dashboard shows the new lead), a duplicate merged into it loses its tasks, and its
 * resident is told and then hears of the master's progress.
 */
class TriageIT {

    @Test
    void aReCategorisedRequestIsReRoutedAndAMergedResidentHearsOfTheMastersProgress() {
        LocalSystem system = SystemUnderTest.get();
        String requests = system.url(Service.REQUEST).toString();
        String alliance = system.url(Service.ALLIANCE).toString();
        String notifications = system.url(Service.NOTIFICATION).toString();
        String first = DevTokens.resident("resident-" + UUID.randomUUID());
        String second = DevTokens.resident("resident-" + UUID.randomUUID());
        String master = leak(requests, first, "卫生间顶上渗水，像是电线那边");
        String duplicate = leak(requests, second, "楼上漏水，墙里的电线在滴水");
        for (String id : new String[] {master, duplicate}) {
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().baseUri(requests)
                    .auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then().statusCode(200)
                    .body("status", equalTo("ASSIGNED"))
                    .body("tasks.find { it.role == 'LEAD' }.organisationId", equalTo("property")));
        }

        // re-categorised once routed: the power company leads, property management supports, the water company goes
        given().baseUri(requests).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(Map.of("category", "old-wiring", "urgency", "URGENT"))
                .post("/api/requests/" + master + "/triage").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("category", equalTo("old-wiring"));
        String[] powerTask = new String[1];
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> powerTask[0] = given().baseUri(alliance)
                .auth().oauth2(DevTokens.worker()).queryParam("requestId", master).get("/api/tasks")
                .then().statusCode(200)
                .body("items.findAll { it.organisationId == 'water' }.status", everyItem(equalTo("CANCELLED")))
                .body("items.find { it.role == 'SUPPORT' && it.status == 'ASSIGNED' }.organisationId",
                        equalTo("property"))
                .body("items.find { it.role == 'LEAD' && it.status == 'ASSIGNED' }.organisationId", equalTo("power"))
                .extract().path("items.find { it.role == 'LEAD' && it.status == 'ASSIGNED' }.id"));
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().baseUri(notifications)
                .auth().oauth2(DevTokens.worker()).queryParam("size", 200).get("/api/dashboard/requests")
                .then().statusCode(200)
                .body("items.find { it.id == '%s' }.category".formatted(master), equalTo("old-wiring"))
                .body("items.find { it.id == '%s' }.leadParty".formatted(master), equalTo("城东供电所")));

        // the duplicate is merged: its tasks are cancelled, its resident is told, the board counts it on the master
        given().baseUri(requests).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(Map.of("into", master)).post("/api/requests/" + duplicate + "/merge").then().statusCode(200)
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo(master));
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().baseUri(alliance)
                .auth().oauth2(DevTokens.worker()).queryParam("requestId", duplicate).get("/api/tasks")
                .then().statusCode(200).body("items.status", everyItem(equalTo("CANCELLED"))));
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().baseUri(notifications)
                .auth().oauth2(second).get("/api/notices/me").then().statusCode(200)
                .body("items.title", hasItem("诉求已合并办理")));
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().baseUri(notifications)
                .auth().oauth2(DevTokens.worker()).queryParam("size", 200).get("/api/dashboard/requests")
                .then().statusCode(200).body("items.id", not(hasItem(duplicate)))
                .body("items.find { it.id == '%s' }.mergedReports".formatted(master), equalTo(1)));

        // the power company starts work on the master: the merged resident hears of it
        String power = DevTokens.partner("power");
        for (String step : new String[] {"acknowledge", "progress"}) {
            given().baseUri(alliance).auth().oauth2(power).contentType(ContentType.JSON)
                    .body(Map.of("note", "电工已到场")).post("/api/tasks/" + powerTask[0] + "/" + step)
                    .then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().baseUri(notifications)
                .auth().oauth2(second).get("/api/notices/me").then().statusCode(200)
                .body("items.title", hasItem("诉求办理中（与您的诉求合并办理）")));
        given().baseUri(requests).auth().oauth2(DevTokens.worker()).get("/api/requests/" + master).then()
                .body("status", equalTo("IN_PROGRESS")).body("merged.id", hasItem(duplicate));
    }

    private static String leak(String requests, String resident, String description) {
        return given().baseUri(requests).auth().oauth2(resident).contentType(ContentType.JSON)
                .body("""
                        {"category": "water-leak", "description": "%s", "building": "7", "unit": "2",
                         "household": "301", "contactPhone": "13800138000"}""".formatted(description))
                .post("/api/requests").then().statusCode(201).extract().path("id");
    }
}
