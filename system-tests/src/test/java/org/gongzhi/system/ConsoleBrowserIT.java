package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.openqa.selenium.WebElement;

/**
 * The dispatcher's main paths in the console, in headless Chromium, against the four services: the page calls
 * request-, alliance- and volunteer-service across origins with the worker's token (CORS), learning where they are
 * from notification-service. Each path ends in what the services then hold.
 */
@EnabledIf("org.gongzhi.system.ConsoleBrowser#chromiumInstalled")
class ConsoleBrowserIT {
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
    void aPhoneCallIsFiledOnTheResidentsBehalfWithDuplicatesSuggestedAndARefusalNextToItsField() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String earlier = submit(DevTokens.resident("resident-wang"), "blocked-drain", "11", "3",
                "厨房下水道堵了 " + marker, null);
        browser.open("zh-CN").show("intake");
        WebElement form = browser.find(By.id("intake-form"));
        browser.choose(form, "channel", "phone");
        browser.choose(form, "category", "blocked-drain");
        browser.type(form, "building", "11");
        browser.type(form, "unit", "3");
        browser.type(form, "household", "402");
        browser.type(form, "description", "电话反映：厨房下水道返水 " + marker);

        // while typing: the open request of the same building and category is suggested, and opens
        browser.until(d -> !d.findElements(By.cssSelector("#intake-suggestions li[data-request='" + earlier + "']"))
                .isEmpty());

        // a number that is no phone number: request-service's refusal is shown next to the field it names
        browser.type(form, "contactPhone", "12345");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.find(By.cssSelector("#intake-form .field-error[data-field='contactPhone']"));
        assertThat(error.getText()).isEqualTo("须是大陆手机号或座机号"); // in the page's language (Accept-Language)
        assertThat(form.findElement(By.name("contactPhone")).getAttribute("aria-invalid")).isEqualTo("true");

        browser.type(form, "contactPhone", "13900139000");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement filed = browser.find(By.cssSelector("#intake-result button[data-request]"));
        String id = filed.getAttribute("data-request");
        assertThat(browser.driver.findElements(By.cssSelector("#intake-form .field-error"))).isEmpty();

        given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().statusCode(200).body("channel", equalTo("phone")).body("building", equalTo("11"))
                .body("unit", equalTo("3")).body("household", equalTo("402"));

        filed.click();
        browser.until(d -> d.findElement(By.cssSelector("#detail-body [data-request='" + id + "']")).isDisplayed());
        assertThat(browser.text(By.cssSelector("#detail-body .facts"))).contains("电话").contains("11号楼3单元");
        browser.assertNoScriptErrors("status of 400");
    }

    @Test
    void aLateRequestSaysWhyAndTheDispatcherMovesTheDeadlineAndNotesIt() {
        // a 12345 ticket with a tight official deadline: it governs, and once passed the request is late
        Instant official = Instant.now().plusSeconds(20);
        String id = submit(DevTokens.worker(), "water-leak", "7", "2", "12345 转来：楼上漏水 " + UUID.randomUUID(),
                official);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.REQUEST))
                .auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("deadline.late", equalTo(true)));

        browser.open("en");
        browser.until(d -> !d.findElements(By.cssSelector("#requests tr[data-request='" + id + "']")).isEmpty());
        browser.openFromBoard(id);
        WebElement why = browser.find(By.id("detail-deadline"));
        assertThat(why.getAttribute("class")).contains("late");
        assertThat(why.getText()).startsWith("Late since").contains("the problem to be resolved was due by");

        // the lead party's deadline moved, with a reason, through alliance-service
        WebElement lead = browser.find(By.cssSelector("#detail-body li.task[data-organisation='property']"));
        WebElement move = browser.action(lead, "deadline");
        browser.driver.findElement(By.cssSelector("body")); // keep focus on the page
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "arguments[0].value = arguments[1]", move.findElement(By.name("completeBy")),
                java.time.LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString());
        browser.type(move, "reason", "业主出差，周四上门");
        move.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(By.id("detail-deadline")).getText().contains("业主出差，周四上门"));

        // an internal note: in the notes, for workers only
        // the panel refreshes as the deadline's events arrive, until the dispatcher is typing in it (then it waits):
        // a form found just before a refresh is gone, so find it again and type until the text is in
        WebElement note = browser.until(d -> {
            WebElement form = d.findElement(By.cssSelector("#detail-body form[data-form='note']"));
            browser.type(form, "text", "已电话联系居民，约好周四上午");
            return form;
        });
        note.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(By.cssSelector("#detail-body ul.notes")).getText()
                .contains("已电话联系居民，约好周四上午"));
        given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().statusCode(200).body("deadline.moves.reason", hasItem("业主出差，周四上门"))
                .body("timeline.findAll { it.visibility == 'INTERNAL' }.text", hasItem("已电话联系居民，约好周四上午"));

        // the resident's phone only on demand, with a reason
        WebElement contact = browser.until(d -> {
            WebElement form = browser.action(d.findElement(By.id("detail-body")), "contact");
            browser.type(form, "reason", "约上门时间");
            return form;
        });
        contact.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(By.cssSelector("#detail-body .phone")).getText().equals("Phone: 13800138000"));
        browser.assertNoScriptErrors();
    }

    @Test
    void aReturnVisitIsRecordedFromTheQueue() {
        String id = submit(DevTokens.resident("resident-li"), "broken-handrail", "5", "1", "三楼扶手松了 "
                + UUID.randomUUID(), null);
        SystemProbes.completeEveryTask(url(Service.ALLIANCE), id);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.REQUEST))
                .auth().oauth2(DevTokens.worker()).get("/api/follow-ups/due").then().statusCode(200)
                .body("requestId", hasItem(id)));

        browser.open("zh-CN").show("visits");
        WebElement due = browser.find(By.cssSelector("#visits-panel li[data-request='" + id + "']"));
        WebElement form = browser.action(due, "follow-up");
        browser.choose(form, "method", "door");
        form.findElement(By.cssSelector("input[name='solved'][value='true']")).click();
        form.findElement(By.cssSelector("input[name='satisfied'][value='true']")).click();
        browser.type(form, "comment", "上门看过，扶手已加固");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        browser.until(d -> d.findElements(By.cssSelector("#visits-panel li[data-request='" + id + "']")).isEmpty());
        given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        browser.assertNoScriptErrors();
    }

    @Test
    void aWarningIsIssuedItsPatrolsWatchedAndLifted() {
        browser.open("zh-CN").show("warnings");
        WebElement form = browser.action(browser.find(By.id("warnings-panel")), "issue");
        browser.choose(form, "type", "wind");
        browser.choose(form, "level", "red");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement card = browser.find(By.cssSelector("#warnings-panel article[data-level='red']"));
        String warningId = card.getAttribute("data-warning");
        JsonPath warning = given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.worker())
                .get("/api/warnings/" + warningId).then().statusCode(200).body("type", equalTo("wind"))
                .extract().jsonPath();
        List<String> patrols = warning.getList("patrols.id");
        assertThat(patrols).isNotEmpty();
        browser.until(d -> d.findElements(By.cssSelector("#warnings-panel article[data-warning='" + warningId
                + "'] tr[data-patrol]")).size() == patrols.size());

        // a party reports its patrol: the console follows it live
        String patrol = patrols.get(0);
        List<Integer> positions = warning.getList("patrols[0].checks.position", Integer.class);
        given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.partner(warning.getString(
                "patrols[0].organisationId"))).contentType(ContentType.JSON)
                .body(Map.of("checks", positions.stream().map(p -> Map.of("position", p, "result", "OK")).toList()))
                .post("/api/patrols/" + patrol + "/report").then().statusCode(200);
        By row = By.cssSelector("tr[data-patrol='" + patrol + "']");
        browser.until(d -> d.findElement(row).getAttribute("data-status").equals("DONE"));
        assertThat(browser.text(row)).contains("已完成").contains(positions.size() + "/" + positions.size());

        WebElement lift = browser.find(By.cssSelector("#warnings-panel article[data-warning='" + warningId
                + "'] form[data-form='lift']"));
        browser.type(lift, "reason", "大风已过");
        lift.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElements(By.cssSelector("article[data-warning='" + warningId + "']")).isEmpty());
        given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.worker()).get("/api/warnings/" + warningId)
                .then().statusCode(200).body("liftReason", equalTo("大风已过"))
                .body("patrols.status", not(hasItem("ASSIGNED")));
        browser.assertNoScriptErrors();
    }

    @Test
    void theLiveFeedSaysWhatHappenedInWordsAndOpensTheRequest() {
        browser.open("zh-CN");
        String id = submit(DevTokens.resident("resident-zhao"), "water-leak", "7", "2", "卫生间漏水 "
                + UUID.randomUUID(), null);
        By line = By.cssSelector("#feed li[data-type='gongzhi.task.assigned.v1'] button[data-request='" + id + "']");
        browser.until(d -> d.findElements(line).stream().anyMatch(b -> b.getText().equals("7号楼2单元 漏水 → 派给 和平物业（牵头）")));
        browser.click(line);
        browser.until(d -> d.findElement(By.cssSelector("#detail-body [data-request='" + id + "']")).isDisplayed());
        browser.find(By.id("detail-close")).click();
        browser.find(By.id("lang")).click();
        browser.until(d -> d.findElements(line).stream()
                .anyMatch(b -> b.getText().equals("7-2 Water leak → sent to 和平物业 (lead)")));
        browser.assertNoScriptErrors();
    }

    /** The console as docs/console.md shows it: the board and a late request, zh and en, desktop and phone. */
    @Test
    void screenshotsOfTheConsole() {
        String id = submit(DevTokens.worker(), "water-leak", "7", "2", "12345 转来：卫生间顶棚渗水，已两天", Instant.now()
                .plusSeconds(15));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.REQUEST))
                .auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then().statusCode(200)
                .body("deadline.late", equalTo(true)));
        for (String language : List.of("zh-CN", "en")) {
            String lang = language.equals("en") ? "en" : "zh";
            browser.open(language);
            browser.until(d -> !d.findElements(By.cssSelector("#feed li")).isEmpty()
                    && !d.findElements(By.cssSelector("#requests tr[data-request='" + id + "']")).isEmpty());
            // the countdown to the next deadline is written in the page's language, units included
            String countdown = browser.until(d -> d.findElement(By.cssSelector("#requests tr[data-request='" + id
                    + "'] .deadline")).getText());
            assertThat(countdown).matches(lang.equals("zh") ? "(已超时|剩余) \\d+(分钟|小时\\d{2}分|天\\d+小时).*"
                    : "\\d+(m|h \\d{2}m|d \\d+h) (overdue|left).*");
            browser.screenshot("board-" + lang + "-desktop", ConsoleBrowser.DESKTOP);
            browser.screenshot("board-" + lang + "-phone", ConsoleBrowser.PHONE);
            browser.openFromBoard(id);
            browser.find(By.id("detail-deadline"));
            // the late explanation and the timeline in the page's language, not request-service's English
            if (lang.equals("zh")) {
                assertThat(browser.<String>until(d -> d.findElement(By.id("detail-deadline")).getText()))
                        .startsWith("已超时 （自").contains("下一时限").doesNotContain("Late since").doesNotContain("Next");
                assertThat(browser.<String>until(d -> d.findElement(By.cssSelector(".timeline li[data-kind='SUBMITTED']"))
                        .getText())).contains("收到诉求：漏水，7号楼").doesNotContain("Request received");
                assertThat(browser.<String>until(d -> d.findElement(By.cssSelector(".timeline li[data-kind='TASK_ASSIGNED']"))
                        .getText())).containsPattern("(牵头|协助)办理，.*前接单，.*前完成");
            } else {
                assertThat(browser.<String>until(d -> d.findElement(By.id("detail-deadline")).getText()))
                        .startsWith("Late since").contains("Next deadline");
            }
            browser.screenshot("detail-" + lang + "-desktop", ConsoleBrowser.DESKTOP);
            browser.screenshot("detail-" + lang + "-phone", ConsoleBrowser.PHONE);
            browser.find(By.id("detail-close")).click();
        }
        browser.assertNoScriptErrors();
    }

    private String url(Service service) {
        return system.url(service).toString();
    }

    private String submit(String token, String category, String building, String unit, String description,
            Instant hotlineDeadline) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("category", category, "description", description,
                "building", building, "unit", unit, "contactPhone", "13800138000"));
        if (hotlineDeadline != null) {
            body.put("channel", "hotline-12345");
            body.put("hotlineTicket", "12345-" + UUID.randomUUID().toString().substring(0, 8));
            body.put("hotlineDeadline", hotlineDeadline.toString());
        }
        return given().baseUri(url(Service.REQUEST)).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/requests").then().statusCode(201).extract().path("id");
    }
}
