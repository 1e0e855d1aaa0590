package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The field pages (issue 21) on a phone-sized window, in headless Chromium, against the four services: the partner
 * acknowledges and completes a task and the request's timeline shows it; the volunteer accepts a shopping errand,
 * sees the address and the phone, and completes it with hours. A refusal appears beside its field on both pages.
 */
@EnabledIf("org.gongzhi.system.ConsoleBrowser#chromiumInstalled")
class FieldBrowserIT {
    private LocalSystem system;
    private ConsoleBrowser browser;

    @BeforeEach
    void openBrowser() {
        system = SystemUnderTest.get();
        browser = new ConsoleBrowser(system);
        browser.driver.manage().window().setSize(ConsoleBrowser.PHONE);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private String url(Service service) {
        return system.url(service).toString();
    }

    /** Opens a field page signed in with the token, in the language asked for. */
    private void open(String page, String token, String language, By ready) {
        browser.driver.get(url(Service.NOTIFICATION) + "/" + page + "/#token=" + token);
        browser.find(ready);
        if (!browser.driver.findElement(By.tagName("html")).getAttribute("lang").equals(language)) {
            browser.click(By.id("lang"));
            browser.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals(language));
        }
    }

    /** Opens a disclosure (details[data-form=…]) in the card and returns its form. */
    private WebElement disclose(By card, String form) {
        return browser.until(d -> {
            WebElement details = d.findElement(card).findElement(By.cssSelector("details[data-form='" + form + "']"));
            if (details.getAttribute("open") == null) {
                WebElement summary = details.findElement(By.tagName("summary"));
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
                summary.click();
            }
            return details.findElement(By.tagName("form"));
        });
    }

    private void submit(WebElement form) {
        WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    /** A screenshot with the card being worked on at the top, below the sticky header. */
    private void screenshot(String name, org.openqa.selenium.Dimension size, By card) {
        browser.driver.manage().window().setSize(size);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'start'});"
                + "window.scrollBy(0, -70)", browser.find(card));
        Path file = browser.screenshot(name, size);
        browser.driver.manage().window().setSize(ConsoleBrowser.PHONE);
        try {
            Path docs = Path.of("../docs/field");
            Files.createDirectories(docs);
            Files.copy(file, docs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePartnerAcknowledgesAndCompletesATaskAndTheTimelineShowsIt() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.resident("resident-zhao"))
                .contentType(ContentType.JSON).body(Map.of("category", "broken-handrail", "building", "9", "unit", "1",
                        "household", "201", "description", "三楼楼梯扶手松动，老人不敢扶 " + marker,
                        "contactPhone", "13700137000"))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.ALLIANCE))
                .auth().oauth2(DevTokens.partner("property")).get("/api/partners/me/tasks?requestId=" + id)
                .then().statusCode(200).body("items.requestId", hasItem(id)));

        open("partner", DevTokens.partner("property"), "zh-CN", By.cssSelector("#tasks li.card"));
        By card = By.cssSelector("#tasks li[data-request='" + id + "']");
        browser.find(card);
        screenshot("partner-zh-phone", ConsoleBrowser.PHONE, card);

        // declining without a reason: alliance-service's refusal beside the note
        WebElement decline = disclose(card, "decline");
        submit(decline);
        WebElement error = browser.find(By.cssSelector("#tasks li[data-request='" + id + "'] details[data-form='decline'] "
                + ".field-error[data-field='note']"));
        assertThat(error.getText()).isEqualTo("give the reason for declining");

        browser.click(By.cssSelector("#tasks li[data-request='" + id + "'] button[data-action='acknowledge']"));
        browser.until(d -> d.findElement(card).findElement(By.cssSelector("[data-status]")).getAttribute("data-status")
                .equals("ACKNOWLEDGED"));

        // the lead reads the resident's phone from the request's details
        browser.until(d -> {
            WebElement details = d.findElement(card).findElement(By.cssSelector("details[data-form='details']"));
            if (details.getAttribute("open") == null) {
                details.findElement(By.tagName("summary")).click();
                return false;
            }
            return details.getText().contains(marker)
                    && details.findElement(By.cssSelector("form[data-action='phone'] [name='reason']")).isDisplayed();
        });
        WebElement phone = browser.find(By.cssSelector("#tasks li[data-request='" + id + "'] form[data-action='phone']"));
        browser.type(phone, "reason", "上门前联系");
        submit(phone);
        browser.until(d -> d.findElement(card).findElement(By.cssSelector(".phone")).getText().contains("13700137000"));

        WebElement progress = disclose(card, "progress");
        browser.type(progress, "note", "已派维修工，下午到场");
        submit(progress);
        browser.until(d -> d.findElement(card).findElement(By.cssSelector("[data-status]")).getAttribute("data-status")
                .equals("IN_PROGRESS"));
        browser.click(By.id("lang"));
        browser.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
        screenshot("partner-en-phone", ConsoleBrowser.PHONE, card);
        screenshot("partner-en-desktop", ConsoleBrowser.DESKTOP, By.id("app"));

        WebElement complete = disclose(card, "complete");
        browser.type(complete, "note", "扶手已加固");
        submit(complete);
        browser.until(d -> d.findElements(card).isEmpty());

        // what the resident's timeline (request-service) then holds
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.REQUEST))
                .auth().oauth2(DevTokens.resident("resident-zhao")).get("/api/requests/" + id).then().statusCode(200)
                .body("timeline.kind", hasItems("TASK_ACKNOWLEDGED", "TASK_IN_PROGRESS", "TASK_COMPLETED"))
                .body("status", equalTo("RESOLVED")));
        given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.admin()).get("/api/audit").then()
                .statusCode(200).body("requestId", hasItem(id));
        browser.assertNoScriptErrors("status of 400");
    }

    @Test
    void theVolunteerAcceptsAShoppingErrandSeesTheAddressAndPhoneAndCompletesItWithHours() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.resident("resident-sun"))
                .contentType(ContentType.JSON).body(Map.of("category", "shopping-help", "building", "7", "unit", "2",
                        "household", "301", "description", "帮忙买米和鸡蛋，敲门两下 " + marker,
                        "contactPhone", "13600136000"))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        String[] offer = new String[2];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var matching = given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(DevTokens.worker())
                    .get("/api/matchings/" + id).then().statusCode(200)
                    .body("offers.find { it.status == 'OFFERED' }", notNullValue()).extract().jsonPath();
            offer[0] = matching.getString("offers.find { it.status == 'OFFERED' }.offerId");
            offer[1] = matching.getString("offers.find { it.status == 'OFFERED' }.volunteerId");
        });
        String volunteer = DevTokens.volunteer(offer[1]);

        open("volunteer", volunteer, "zh-CN", By.cssSelector("#offers li"));
        By offerCard = By.cssSelector("#offers li[data-offer='" + offer[0] + "']");
        // what, where (building, unit, household), and why me — before accepting, no description
        browser.until(d -> d.findElement(offerCard).getText().contains("7号楼2单元301室"));
        assertThat(browser.text(offerCard)).contains("代买代购").contains("为什么是我").doesNotContain(marker);
        screenshot("volunteer-zh-phone", ConsoleBrowser.PHONE, offerCard);

        browser.until(d -> {
            d.findElement(offerCard).findElement(By.cssSelector("form[data-action='answer'] button[type=submit]")).click();
            return true;
        });
        By job = By.cssSelector("#jobs li[data-job='" + offer[0] + "']");
        browser.until(d -> d.findElement(job).getText().contains(marker));
        WebElement phone = browser.until(d -> d.findElement(job).findElement(By.cssSelector("form[data-action='phone']")));
        submit(phone);
        browser.until(d -> d.findElement(job).findElement(By.cssSelector(".phone")).getText().contains("13600136000"));

        // no hours: volunteer-service's refusal beside the hours field
        WebElement complete = disclose(job, "complete");
        submit(complete);
        browser.find(By.cssSelector("#jobs li[data-job='" + offer[0] + "'] .field-error[data-field='hours']"));
        browser.click(By.id("lang"));
        browser.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
        screenshot("volunteer-en-phone", ConsoleBrowser.PHONE, job);
        screenshot("volunteer-en-desktop", ConsoleBrowser.DESKTOP, By.id("app"));

        complete = disclose(job, "complete");
        browser.type(complete, "hours", "1.5");
        browser.type(complete, "note", "Rice and eggs delivered");
        submit(complete);
        // the job leaves my jobs in hand (no forms left on it)
        browser.until(d -> d.findElements(By.cssSelector("#jobs li[data-job='" + offer[0] + "'] form")).isEmpty());

        given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(volunteer).get("/api/volunteers/me/tasks").then()
                .statusCode(200).body("find { it.id == '" + offer[0] + "' }.status", equalTo("COMPLETED"))
                .body("find { it.id == '" + offer[0] + "' }.hours", equalTo(1.5f));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.REQUEST))
                .auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("status", equalTo("RESOLVED")));
        // done: the phone is no longer hers to read
        given().baseUri(url(Service.REQUEST)).auth().oauth2(volunteer).get("/api/requests/" + id + "/contact")
                .then().statusCode(404);
        browser.assertNoScriptErrors("status of 400", "status of 404");
    }
}
