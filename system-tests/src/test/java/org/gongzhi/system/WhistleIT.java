package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;

/**
 * 吹哨报到 end to end: a 12345 ticket received hours ago that nobody acknowledges climbs the alliance's ladder to the
 * whistle at its next check; the joint meeting is convened once at 和平里's meeting room, the lead party is told, the
 * resident's timeline shows it and the dispatcher sees it arrive in the console's live feed (zh and en).
 */
@EnabledIf("org.gongzhi.system.ConsoleBrowser#chromiumInstalled")
class WhistleIT {
    private static final String CONVENED = "gongzhi.meeting.convened.v1";
    private LocalSystem system;
    private ConsoleBrowser browser;
    @RegisterExtension
    final TestExecutionExceptionHandler evidence = ConsoleBrowser.evidence(() -> browser);

    @BeforeEach
    void openBrowser() {
        system = SystemUnderTest.get();
        browser = new ConsoleBrowser(system);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anUnacknowledgedTaskClimbsToTheWhistleAndItsMeetingReachesTheTimelineAndTheLiveFeed() {
        String requests = system.url(Service.REQUEST).toString();
        String alliance = system.url(Service.ALLIANCE).toString();
        String board = system.url(Service.NOTIFICATION).toString();
        String worker = DevTokens.worker();
        // the dispatcher is watching: the meeting must arrive through the live stream, not a reload
        browser.open("zh-CN");

        // a 12345 ticket received ten hours ago: its two-hour response deadline and the ladder's four hours are past
        String id = given().baseUri(requests).auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("category", "water-leak", "description", "12345 转来：9号楼顶层漏水，无人响应",
                        "building", "9", "unit", "1", "household", "601", "contactPhone", "13800138000",
                        "receivedAt", Instant.now().minus(Duration.ofHours(10)).toString()))
                .post("/api/requests").then().statusCode(201).extract().path("id");

        String[] meeting = new String[1];
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> meeting[0] = given().baseUri(alliance)
                .auth().oauth2(worker).queryParam("requestId", id).get("/api/meetings")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].place", containsString("和平里社区居委会二楼会议室"))
                .extract().path("items[0].id"));
        List<String> parties = given().baseUri(alliance).auth().oauth2(worker).get("/api/meetings/" + meeting[0])
                .then().statusCode(200).extract().jsonPath().getList("parties", String.class);
        String lead = parties.get(0);
        given().baseUri(alliance).auth().oauth2(worker).queryParam("requestId", id).get("/api/tasks")
                .then().statusCode(200).body("items.find { it.role == 'LEAD' }.organisationId", equalTo(lead))
                .body("items.findAll { it.escalationLevel == 3 }.organisationId", hasItem(lead));
        String leadName = given().baseUri(alliance).auth().oauth2(worker).queryParam("requestId", id).get("/api/tasks")
                .then().statusCode(200).extract().path("items.find { it.role == 'LEAD' }.organisationName");
        // a partner with no part in it does not learn it exists; the lead reads it and is told
        given().baseUri(alliance).auth().oauth2(DevTokens.partner("no-part-" + id.substring(0, 8)))
                .get("/api/meetings/" + meeting[0]).then().statusCode(404);
        given().baseUri(alliance).auth().oauth2(DevTokens.partner(lead)).get("/api/meetings/" + meeting[0])
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(board)
                .auth().oauth2(DevTokens.partner(lead)).queryParam("size", 100).get("/api/notices/me")
                .then().statusCode(200)
                .body("items.findAll { it.requestId == '%s' }.kind".formatted(id), hasItem("meeting")));

        // 和平里's secretary, configured for the local run, gets an SMS (the local sink stands in for the gateway)
        Path sink = SystemUnderTest.logs().resolve("notice-sink.jsonl");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Files.exists(sink)
                && Files.readAllLines(sink).stream().anyMatch(l -> l.contains("+8613800001001") && l.contains("王书记")
                        && l.contains("9号楼 water-leak") && l.contains("联合会商")
                        && l.contains("牵头单位 " + leadName))).isTrue());

        // the request's timeline, once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().baseUri(requests)
                .auth().oauth2(worker).get("/api/requests/" + id + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.kind == 'MEETING_CONVENED' }.text", String.class))
                .singleElement().asString().contains("吹哨报到").contains("和平里社区居委会二楼会议室"));

        // the dashboard's stream: the feed line arrives live, in both languages
        By line = By.cssSelector("#feed li[data-type='" + CONVENED + "']");
        // the parties by name, as their tasks name them
        browser.until(d -> d.findElements(line).stream().anyMatch(li -> li.getText().contains("吹哨报到：" + leadName)
                && li.getText().contains("9号楼1单元")));
        browser.screenshot("meeting-zh-desktop", ConsoleBrowser.DESKTOP, line);
        browser.screenshot("meeting-zh-phone", ConsoleBrowser.PHONE, line);
        browser.find(By.id("lang")).click();
        browser.until(d -> d.findElements(line).stream().anyMatch(li -> li.getText()
                .contains("whistle: joint meeting of " + leadName) && li.getText().contains("9-1 Water leak")));
        browser.screenshot("meeting-en-desktop", ConsoleBrowser.DESKTOP, line);
        browser.screenshot("meeting-en-phone", ConsoleBrowser.PHONE, line);
        browser.assertNoScriptErrors();
    }
}
