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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
        assertThat(error.getText()).isEqualTo("must be an http(s) link");
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
        assertThat(browser.text(By.id("request-deadline"))).isNotBlank();
        phone("request-assigned-zh-phone");

        // the parties finish through alliance-service; the request is resolved and the page offers the rating
        SystemProbes.completeEveryTask(url(Service.ALLIANCE), id);
        WebElement rate = slow.until(d -> d.findElement(By.cssSelector("#request form[data-form='rate']")));
        assertThat(browser.text(By.id("request-status"))).isEqualTo("已解决");
        scrollTo(rate);
        phone("rate-zh-phone");
        browser.find(By.id("lang")).click();
        browser.until(d -> d.findElement(By.id("request-status")).getText().equals("Resolved"));
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
