package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The resident's page (/resident/) on a phone-sized window, in headless Chromium, against the four services: a
 * resident reports a leak with a photo link, follows it until a party is assigned, and rates it once the parties have
 * finished the work. Screenshots at each step, zh-CN and English, go to system-tests/target/screenshots.
 */
@EnabledIf("org.gongzhi.system.ConsoleBrowser#chromiumInstalled")
class ResidentBrowserIT {
    private static final String PHOTO = "https://photos.example.org/hepingli/7-2-301-ceiling.jpg";

    private LocalSystem system;
    private ConsoleBrowser browser;
    @RegisterExtension
    final TestExecutionExceptionHandler evidence = ConsoleBrowser.evidence(() -> browser);
    private WebDriverWait slow;

    @BeforeEach
    void openBrowser() {
        system = SystemUnderTest.get();
        browser = new ConsoleBrowser(system);
        browser.driver.manage().window().setSize(ConsoleBrowser.PHONE);
        // routing and the parties' work cross three services and Kafka: more than the page's own 30 s
        slow = new WebDriverWait(browser.driver, Duration.ofSeconds(120));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aResidentReportsALeakWithAPhotoFollowsItAndRatesIt() {
        String resident = "resident-" + UUID.randomUUID().toString().substring(0, 8);
        browser.driver.get(system.url(Service.NOTIFICATION) + "/resident/#token=" + DevTokens.resident(resident));
        WebElement form = browser.find(By.id("report-form"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("token");
        phone("report-zh-phone");

        // a photo "link" that is a file on the phone: request-service's refusal is shown beside the photo field
        browser.choose(form, "category", "water-leak");
        browser.type(form, "building", "7");
        browser.type(form, "unit", "2");
        browser.type(form, "household", "301");
        browser.type(form, "description", "卫生间顶棚漏水，滴到洗手台上");
        browser.type(form, "photos", "file:///sdcard/DCIM/leak.jpg");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.find(By.cssSelector("#report-form .field-error[data-field='photos']"));
        assertThat(error.getText()).isEqualTo("须是 http(s) 链接");
        assertThat(form.findElement(By.name("photos")).getAttribute("aria-invalid")).isEqualTo("true");
        phone("report-refused-zh-phone");

        browser.type(form, "photos", PHOTO);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement request = browser.find(By.id("request"));
        String id = request.getAttribute("data-request");
        assertThat(browser.find(By.cssSelector("#request-photos a")).getAttribute("href")).isEqualTo(PHOTO);
        given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.resident(resident)).get("/api/requests/" + id)
                .then().statusCode(200).body("photos", contains(PHOTO)).body("household", equalTo("301"));

        // the page follows it: a party is assigned and says so on the timeline, with the deadline in words
        slow.until(d -> !d.findElements(By.cssSelector("#request-timeline li[data-kind='TASK_ASSIGNED']")).isEmpty());
        assertThat(browser.text(By.id("request-deadline"))).contains("下一时限").doesNotContain("Next deadline");
        assertThat(browser.text(By.cssSelector("#request-timeline li[data-kind='SUBMITTED']")))
                .contains("收到诉求：漏水，7号楼").doesNotContain("Request received");
        phone("request-assigned-zh-phone");

        // the parties finish through alliance-service; the request is resolved and the page offers the rating
        SystemProbes.completeEveryTask(url(Service.ALLIANCE), id);
        WebElement rate = slow.until(d -> d.findElement(By.cssSelector("#request form[data-form='rate']")));
        assertThat(browser.text(By.id("request-status"))).isEqualTo("已解决");
        scrollTo(rate);
        phone("rate-zh-phone");
        // a rating half given when the language is switched is still there, in the English form
        browser.choose(rate, "solved", "false");
        browser.type(rate, "comment", "修得很快");
        browser.find(By.id("lang")).click();
        browser.until(d -> d.findElement(By.id("request-status")).getText().equals("Resolved"));
        WebElement kept = browser.find(By.cssSelector("#request form[data-form='rate']"));
        assertThat(kept.findElement(By.name("comment")).getAttribute("value")).isEqualTo("修得很快");
        assertThat(new Select(kept.findElement(By.name("solved"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("false");
        scrollTo(browser.find(By.cssSelector("#request form[data-form='rate']")));
        phone("rate-en-phone");
        browser.screenshot("rate-en-desktop", ConsoleBrowser.DESKTOP);
        browser.driver.manage().window().setSize(ConsoleBrowser.PHONE);

        rate = browser.find(By.cssSelector("#request form[data-form='rate']"));
        scrollTo(rate);
        browser.choose(rate, "solved", "true");
        browser.choose(rate, "satisfied", "true");
        browser.type(rate, "comment", "修得很快，谢谢物业");
        rate.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(By.id("request-status")).getText().equals("Closed"));
        given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.worker()).get("/api/requests/" + id)
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        phone("request-closed-en-phone");

        // my requests, my notices and the hall, in English and in Chinese
        scrollTo(browser.find(By.id("back")));
        browser.click(By.id("back"));
        browser.find(By.cssSelector("#my-requests li[data-request='" + id + "']"));
        phone("mine-en-phone");
        browser.click(By.cssSelector("#nav button[data-show='notices']"));
        browser.find(By.id("preferences-form"));
        phone("notices-en-phone");
        browser.click(By.cssSelector("#nav button[data-show='hall']"));
        browser.find(By.id("hall-title"));
        phone("hall-en-phone");
        browser.find(By.id("lang")).click();
        browser.until(d -> d.findElement(By.id("hall-title")).getText().equals("老街坊议事厅"));
        phone("hall-zh-phone");
        browser.click(By.cssSelector("#nav button[data-show='notices']"));
        browser.find(By.id("preferences-form"));
        phone("notices-zh-phone");
        browser.assertNoScriptErrors("status of 400");
    }

    @Test
    void aResidentWithdrawsARequestSetsPreferencesAndVotesWithTheHouseholdsBallot() {
        String resident = "resident-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.resident(resident);
        // a member of the demo's household 12-1-101, and a vote of the hall open to building 12
        given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(Map.of("residentId", resident, "building", "12", "unit", "1", "household", "101", "owner", true))
                .post("/api/estate/members").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        String question = "周末在北巷办旧物交换集市？ " + resident;
        String topic = given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.worker())
                .contentType(ContentType.JSON).body(Map.of("title", "旧物交换集市 " + resident,
                        "description", "每月一次，在北巷东侧", "buildings", List.of("12")))
                .post("/api/deliberation/topics").then().statusCode(201).extract().path("id");
        String vote = given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.worker())
                .contentType(ContentType.JSON).body(Map.of("question", question,
                        "options", List.of("approve", "reject", "abstain"), "rule", "DOUBLE_MAJORITY",
                        "closesAt", java.time.Instant.now().plus(Duration.ofDays(7)).toString()))
                .post("/api/deliberation/topics/" + topic + "/votes").then().statusCode(201)
                .extract().path("vote.id");
        String id = given().baseUri(url(Service.REQUEST)).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("category", "noise", "building", "12", "unit", "1", "household", "101",
                        "description", "楼上夜里装修，吵得睡不着"))
                .post("/api/requests").then().statusCode(201).extract().path("id");

        browser.driver.get(system.url(Service.NOTIFICATION) + "/resident/#token=" + token);
        browser.find(By.id("report-form"));
        browser.click(By.cssSelector("#nav button[data-show='mine']"));
        browser.click(By.cssSelector("#my-requests li[data-request='" + id + "'] button"));
        browser.find(By.cssSelector("#request[data-request='" + id + "']"));

        // withdraw: without a reason request-service refuses it beside the reason; with one the request is withdrawn
        WebElement withdraw = browser.action(browser.find(By.id("request")), "withdraw");
        scrollTo(withdraw);
        withdraw.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement refused = browser.find(By.cssSelector("#request form[data-form='withdraw'] .field-error[data-field='text']"));
        assertThat(refused.getText()).isNotBlank();
        assertThat(withdraw.findElement(By.name("text")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.type(withdraw, "text", "邻居已经停工了");
        withdraw.findElement(By.cssSelector("button[type=submit]")).click();
        browser.find(By.cssSelector("#request[data-request='" + id + "'][data-status='WITHDRAWN']"));
        assertThat(browser.text(By.id("request-status"))).isEqualTo("已撤回");
        assertThat(browser.driver.findElements(By.cssSelector("#request details[data-action='withdraw']"))).isEmpty();
        given().baseUri(url(Service.REQUEST)).auth().oauth2(token).get("/api/requests/" + id).then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        phone("withdrawn-zh-phone");

        // preferences: quiet hours that are not a time are refused beside the field; then SMS and quiet hours saved
        browser.click(By.cssSelector("#nav button[data-show='notices']"));
        WebElement prefs = browser.find(By.id("preferences-form"));
        browser.type(prefs, "quietFrom", "25:00");
        browser.type(prefs, "quietUntil", "07:00");
        scrollTo(prefs.findElement(By.cssSelector("button[type=submit]")));
        prefs.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement badTime = browser.find(By.cssSelector("#preferences-form .field-error[data-field='quietFrom']"));
        assertThat(badTime.getText()).isEqualTo("须是 时:分（例如 07:30）");
        phone("preferences-refused-zh-phone");
        browser.type(prefs, "quietFrom", "22:00");
        WebElement sms = prefs.findElement(By.cssSelector("input[name='sms']"));
        if (!sms.isSelected()) {
            sms.click();
        }
        browser.type(prefs, "phone", "13800138000");
        prefs.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(By.id("preferences-saved")).isDisplayed());
        assertThat(browser.driver.findElements(By.cssSelector("#preferences-form .field-error"))).isEmpty();
        given().baseUri(url(Service.NOTIFICATION)).auth().oauth2(token).get("/api/notices/me/preferences").then()
                .statusCode(200).body("sms", equalTo(true)).body("phone", equalTo("13800138000"))
                .body("quietFrom", equalTo("22:00")).body("quietUntil", equalTo("07:00"));

        // the hall: no choice is refused beside the choices; then the household's ballot, shown as ours
        browser.click(By.cssSelector("#nav button[data-show='hall']"));
        By ballot = By.cssSelector("#hall form[data-form='ballot'][data-vote='" + vote + "']");
        scrollTo(browser.find(ballot));
        browser.find(ballot).findElement(By.cssSelector("button[type=submit]")).click();
        browser.find(By.cssSelector("#hall form[data-vote='" + vote + "'] .field-error[data-field='choice']"));
        browser.find(ballot).findElement(By.cssSelector("input[name='choice'][value='approve']")).click();
        browser.find(ballot).findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(d -> d.findElement(ballot).findElements(By.cssSelector("p.done")).stream()
                .anyMatch(p -> p.getText().contains("approve")));
        assertThat(browser.find(ballot).findElement(By.cssSelector("input[value='approve']")).isSelected()).isTrue();
        given().baseUri(url(Service.REQUEST)).auth().oauth2(token).get("/api/deliberation/votes/" + vote).then()
                .statusCode(200).body("myChoice", equalTo("approve"));
        scrollTo(browser.find(ballot));
        phone("voted-zh-phone");
        browser.find(By.id("lang")).click();
        browser.until(d -> d.findElement(ballot).getText().contains("Our vote: approve"));
        scrollTo(browser.find(ballot));
        phone("voted-en-phone");
        browser.screenshot("voted-en-desktop", ConsoleBrowser.DESKTOP);
        browser.driver.manage().window().setSize(ConsoleBrowser.PHONE);
        browser.assertNoScriptErrors("status of 400");
    }

    /** To the middle of the window, as a person scrolls to it: the sticky tabs cover the window's top edge. */
    private void scrollTo(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private void phone(String name) {
        browser.screenshot(name, ConsoleBrowser.PHONE);
        browser.driver.manage().window().setSize(ConsoleBrowser.PHONE);
    }

    private String url(Service service) {
        return system.url(service).toString();
    }
}
