package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field pages (issue 21) on a phone-sized window, in headless Chromium, against the four services: the partner
 * acknowledges and completes a task and the request's timeline shows it; the volunteer accepts a shopping errand,
 * sees the address and the phone, and completes it with hours. A refusal appears beside its field on both pages.
 */
@EnabledIf("org.gongzhi.system.ConsoleBrowser#chromiumInstalled")
class FieldBrowserIT {
    private LocalSystem system;
    private ConsoleBrowser browser;
    @RegisterExtension
    final TestExecutionExceptionHandler evidence = ConsoleBrowser.evidence(() -> browser);

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

    /**
     * Fills and submits a card's form in one step. The page redraws its cards whenever its feed brings an event (the
     * open form stays open, as new elements), so when an element goes stale the form is found again and filled
     * afresh; the click that submits is the step's last act, so a form is never sent twice.
     */
    private void send(By card, String form, Consumer<WebElement> fill) {
        browser.until(d -> {
            WebElement found = disclose(card, form);
            fill.accept(found);
            submit(found);
            return true;
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
        // found and scrolled to in one wait: the feed may redraw the cards in between (a stale element is found again)
        browser.until(d -> ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'start'});"
                + "window.scrollBy(0, -70); return true", d.findElement(card)));
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

    /**
     * The demo's water utility serves both communities (和平里 and 青年湖): with a token carrying both, its page lists
     * the open tasks of each, every card marked with its community's name in the reader's language, and it can
     * look at one community's alone.
     */
    @Test
    void aPartnerServingBothCommunitiesSeesTheTasksOfEachMarkedWithItsCommunity() {
        String water = DevTokens.partner(DevTokens.COMMUNITY, "water", List.of(DevTokens.SECOND_COMMUNITY));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.ALLIANCE))
                .auth().oauth2(water).queryParam("open", true).queryParam("community", DevTokens.SECOND_COMMUNITY)
                .get("/api/partners/me/tasks").then().statusCode(200).body("items", not(empty())));

        open("partner", water, "zh-CN", By.cssSelector("#tasks li.card .tag.community"));
        By second = By.cssSelector("#tasks li.card .tag.community[data-community='" + DevTokens.SECOND_COMMUNITY + "']");
        By first = By.cssSelector("#tasks li.card .tag.community[data-community='" + DevTokens.COMMUNITY + "']");
        browser.until(d -> d.findElement(second).getText().equals("青年湖社区"));
        browser.until(d -> d.findElement(first).getText().equals("和平里社区"));
        By card = By.xpath("//ul[@id='tasks']/li[.//span[@data-community='" + DevTokens.SECOND_COMMUNITY + "']]");
        screenshot("partner-communities-zh-phone", ConsoleBrowser.PHONE, card);
        screenshot("partner-communities-zh-desktop", ConsoleBrowser.DESKTOP, By.id("app"));

        // one community at a time: its choice counts its open tasks, and the list holds only them
        By choice = By.cssSelector("#communities button[data-community='" + DevTokens.SECOND_COMMUNITY + "']");
        browser.until(d -> d.findElement(choice).getText().matches("青年湖社区 \\d+"));
        browser.click(choice);
        browser.until(d -> "true".equals(d.findElement(choice).getAttribute("aria-pressed"))
                && d.findElements(first).isEmpty() && !d.findElements(second).isEmpty());
        screenshot("partner-one-community-zh-phone", ConsoleBrowser.PHONE, By.id("communities"));
        browser.click(By.cssSelector("#communities button[data-community='']"));
        browser.until(d -> !d.findElements(first).isEmpty() && !d.findElements(second).isEmpty());

        browser.click(By.id("lang"));
        browser.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
        browser.until(d -> d.findElement(second).getText().equals("Qingnianhu community"));
        browser.until(d -> d.findElement(first).getText().equals("Hepingli community"));
        screenshot("partner-communities-en-phone", ConsoleBrowser.PHONE, card);
        screenshot("partner-communities-en-desktop", ConsoleBrowser.DESKTOP, By.id("app"));
    }

    @Test
    void thePartnerAcknowledgesAndCompletesATaskAndTheTimelineShowsIt() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.resident("resident-zhao"))
                .contentType(ContentType.JSON).body(Map.of("category", "broken-handrail", "building", "9", "unit", "1",
                        "household", "201", "description", "三楼楼梯扶手松动，老人不敢扶 " + marker,
                        "contactPhone", "13700137000"))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        String other = given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.resident("resident-qian"))
                .contentType(ContentType.JSON).body(Map.of("category", "broken-handrail", "building", "9", "unit", "2",
                        "household", "502", "description", "五楼扶手掉漆 " + marker))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        for (String request : new String[] {id, other}) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.ALLIANCE))
                    .auth().oauth2(DevTokens.partner("property")).get("/api/partners/me/tasks?requestId=" + request)
                    .then().statusCode(200).body("items.requestId", hasItem(request)));
        }

        open("partner", DevTokens.partner("property"), "zh-CN", By.cssSelector("#tasks li.card"));
        By card = By.cssSelector("#tasks li[data-request='" + id + "']");
        browser.find(card);
        screenshot("partner-zh-phone", ConsoleBrowser.PHONE, card);

        // declining without a reason: alliance-service's refusal beside the note
        send(card, "decline", form -> { });
        WebElement error = browser.find(By.cssSelector("#tasks li[data-request='" + id + "'] details[data-form='decline'] "
                + ".field-error[data-field='note']"));
        assertThat(error.getText()).isEqualTo("请写明退回的原因");

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

        send(card, "progress", form -> browser.type(form, "note", "已派维修工，下午到场"));
        browser.until(d -> d.findElement(card).findElement(By.cssSelector("[data-status]")).getAttribute("data-status")
                .equals("IN_PROGRESS"));
        browser.click(By.id("lang"));
        browser.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
        screenshot("partner-en-phone", ConsoleBrowser.PHONE, card);
        screenshot("partner-en-desktop", ConsoleBrowser.DESKTOP, By.id("app"));

        send(card, "complete", form -> browser.type(form, "note", "扶手已加固"));
        browser.until(d -> d.findElements(card).isEmpty());

        // the other task is declined with a reason: it leaves our list, and alliance-service holds it DECLINED
        By otherCard = By.cssSelector("#tasks li[data-request='" + other + "']");
        send(otherCard, "decline",
                form -> browser.type(form, "note", "Paint is the owners' committee's matter, not a repair"));
        browser.until(d -> d.findElements(otherCard).isEmpty());
        given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.partner("property"))
                .get("/api/partners/me/tasks?requestId=" + other).then().statusCode(200)
                .body("items.status", hasItem("DECLINED"))
                .body("items.note", hasItem("Paint is the owners' committee's matter, not a repair"));

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
        assertThat(browser.text(offerCard)).contains("代买代购").contains("为什么是我：跑腿代办；").doesNotContain(marker)
                .doesNotContain("task(s)").doesNotContain("free");
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
        send(job, "complete", form -> { });
        By hoursRefused = By.cssSelector("#jobs li[data-job='" + offer[0] + "'] .field-error[data-field='hours']");
        assertThat(browser.<String>until(d -> d.findElement(hoursRefused).getText())).isEqualTo("请填写");
        browser.click(By.id("lang"));
        browser.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
        // asked again in English, the refusal comes in English (the page sends its language, not the browser's)
        send(job, "complete", form -> { });
        browser.until(d -> d.findElement(hoursRefused).getText().equals("is required"));
        screenshot("volunteer-en-phone", ConsoleBrowser.PHONE, job);
        screenshot("volunteer-en-desktop", ConsoleBrowser.DESKTOP, By.id("app"));

        send(job, "complete", form -> {
            browser.type(form, "hours", "1.5");
            browser.type(form, "note", "Rice and eggs delivered");
        });
        // the job leaves my jobs in hand (no forms left on it)
        browser.until(d -> d.findElements(By.cssSelector("#jobs li[data-job='" + offer[0] + "'] form")).isEmpty());

        given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(volunteer).get("/api/volunteers/me/tasks").then()
                .statusCode(200).body("find { it.id == '" + offer[0] + "' }.status", equalTo("COMPLETED"))
                .body("find { it.id == '" + offer[0] + "' }.hours", equalTo(1.5f));
        // my hours: the page shows the total volunteer-service credits, this job's 1.5 h among them
        String total = given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(volunteer).get("/api/volunteers/me/hours")
                .then().statusCode(200).body("entries.hours", hasItem(1.5f)).extract().jsonPath().getString("total");
        browser.until(d -> shownHours(d.findElement(By.id("hours")).getText()) != null
                && shownHours(d.findElement(By.id("hours")).getText()).compareTo(new BigDecimal(total)) == 0);
        screenshot("volunteer-hours-en-phone", ConsoleBrowser.PHONE, By.id("hours-title"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.REQUEST))
                .auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then()
                .body("status", equalTo("RESOLVED")));
        // done: the phone is no longer hers to read
        given().baseUri(url(Service.REQUEST)).auth().oauth2(volunteer).get("/api/requests/" + id + "/contact")
                .then().statusCode(404);
        browser.assertNoScriptErrors("status of 400", "status of 404");
    }
    /** The total of "12.5 hours in all, …" / "累计 12.5 小时，…", or null when the hours are not shown yet. */
    private static BigDecimal shownHours(String text) {
        Matcher m = Pattern.compile("(?:累计 |^)([0-9]+(?:\\.[0-9]+)?) (?:小时|hours)").matcher(text);
        return m.find() ? new BigDecimal(m.group(1)) : null;
    }

    /** Waits for a volunteer to be offered the request's errand: {offer id, volunteer id}. */
    private String[] offerOf(String requestId) {
        String[] offer = new String[2];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var matching = given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(DevTokens.worker())
                    .get("/api/matchings/" + requestId).then().statusCode(200)
                    .body("offers.find { it.status == 'OFFERED' }", notNullValue()).extract().jsonPath();
            offer[0] = matching.getString("offers.find { it.status == 'OFFERED' }.offerId");
            offer[1] = matching.getString("offers.find { it.status == 'OFFERED' }.volunteerId");
        });
        return offer;
    }

    private String shoppingErrand(String resident, String household, String description) {
        return given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.resident(resident))
                .contentType(ContentType.JSON).body(Map.of("category", "shopping-help", "building", "7", "unit", "1",
                        "household", household, "description", description, "contactPhone", "13500135000"))
                .post("/api/requests").then().statusCode(201).extract().path("id");
    }

    @Test
    void theVolunteerDeclinesAnOfferHandsAJobOverAndSignsUpToAnActivity() {
        String marker = UUID.randomUUID().toString().substring(0, 8);

        // declining an offer: it leaves the page, and the matching holds it DECLINED
        String declined = shoppingErrand("resident-zhou", "101", "帮忙取快递 " + marker);
        String[] first = offerOf(declined);
        open("volunteer", DevTokens.volunteer(first[1]), "zh-CN", By.cssSelector("#offers li"));
        By firstCard = By.cssSelector("#offers li[data-offer='" + first[0] + "']");
        browser.find(firstCard);
        browser.until(d -> {
            d.findElement(firstCard).findElement(By.cssSelector("button[data-action='decline']")).click();
            return true;
        });
        browser.until(d -> d.findElements(firstCard).isEmpty());
        given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(DevTokens.worker()).get("/api/matchings/" + declined)
                .then().statusCode(200).body("offers.find { it.offerId == '" + first[0] + "' }.status",
                        equalTo("DECLINED"));

        // handing an accepted job over to a professional: refused without a reason beside it, then handed over
        String handed = shoppingErrand("resident-wu", "102", "灯坏了想请人帮忙买灯泡 " + marker);
        String[] second = offerOf(handed);
        String volunteer = DevTokens.volunteer(second[1]);
        open("volunteer", volunteer, "zh-CN", By.cssSelector("#offers li"));
        By offerCard = By.cssSelector("#offers li[data-offer='" + second[0] + "']");
        browser.until(d -> {
            d.findElement(offerCard).findElement(By.cssSelector("form[data-action='answer'] button[type=submit]")).click();
            return true;
        });
        By job = By.cssSelector("#jobs li[data-job='" + second[0] + "']");
        browser.until(d -> d.findElement(job).getText().contains(marker));
        send(job, "handOver", form -> { });
        WebElement refused = browser.find(By.cssSelector("#jobs li[data-job='" + second[0] + "'] "
                + ".field-error[data-field='reason']"));
        assertThat(refused.getText()).isNotBlank();
        screenshot("volunteer-handover-zh-phone", ConsoleBrowser.PHONE, job);
        send(job, "handOver", form -> {
            browser.choose(form, "handOverTo", "UTILITY");
            browser.type(form, "reason", "线路老化，需要电工检查");
        });
        browser.until(d -> d.findElements(By.cssSelector("#jobs li[data-job='" + second[0] + "'] form")).isEmpty());
        given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(volunteer).get("/api/volunteers/me/tasks").then()
                .statusCode(200).body("find { it.id == '" + second[0] + "' }.status", equalTo("HANDED_OVER"))
                .body("find { it.id == '" + second[0] + "' }.handedOverTo", equalTo("UTILITY"))
                .body("find { it.id == '" + second[0] + "' }.handOverReason", equalTo("线路老化，需要电工检查"));

        // an activity to sign up for: published by a worker, signed up to from the page
        String title = "楼道清扫日 " + marker;
        given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(Map.of("title", title, "kind", "CLEAN_UP", "building", "7",
                        "startsAt", Instant.now().plus(Duration.ofDays(3)).toString(), "hours", 2, "capacity", 10,
                        "repeatWeeks", 0))
                .post("/api/teams/6070/activities").then().statusCode(201);
        String activity = given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(volunteer).get("/api/activities")
                .then().statusCode(200).extract().jsonPath().getString("find { it.title == '" + title + "' }.id");
        open("volunteer", volunteer, "en", By.cssSelector("#activities li[data-activity='" + activity + "']"));
        By activityCard = By.cssSelector("#activities li[data-activity='" + activity + "']");
        assertThat(browser.text(activityCard)).contains(title).contains("0/10 signed up");
        submit(browser.find(activityCard).findElement(By.cssSelector("form[data-action='sign-up']")));
        browser.until(d -> d.findElement(activityCard).getText().contains("1/10 signed up")
                && d.findElement(activityCard).findElement(By.cssSelector("button[type=submit]")).getText()
                        .equals("Signed up"));
        given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(volunteer).get("/api/activities").then()
                .statusCode(200).body("find { it.id == '" + activity + "' }.signedUp", equalTo(1));
        screenshot("volunteer-activities-en-phone", ConsoleBrowser.PHONE, activityCard);
        browser.click(By.id("lang"));
        browser.until(d -> d.findElement(activityCard).getText().contains("已报名 1/10"));
        screenshot("volunteer-activities-zh-phone", ConsoleBrowser.PHONE, activityCard);
        screenshot("volunteer-zh-desktop", ConsoleBrowser.DESKTOP, By.id("app"));
        browser.assertNoScriptErrors("status of 400", "status of 404");
    }

    @Test
    void duringAWarningThePartnerPatrolsCheckpointByCheckpointAndAVolunteerVisitsANeighbour() {
        JsonPath warning = given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.worker())
                .contentType(ContentType.JSON).body(Map.of("type", "rainstorm", "level", "orange",
                        "until", Instant.now().plus(Duration.ofHours(12)).toString()))
                .post("/api/warnings").then().statusCode(201).extract().jsonPath();
        String warningId = warning.getString("id");
        try {
            String patrol = warning.getString("patrols[0].id");
            String organisation = warning.getString("patrols[0].organisationId");
            List<Integer> positions = warning.getList("patrols[0].checks.position", Integer.class);
            String riskPointId = warning.getString("patrols[0].riskPointId");
            String riskPointName = warning.getString("patrols[0].riskPointName");
            List<String> items = warning.getList("patrols[0].checks.item", String.class);
            List<String> itemsEn = warning.getList("patrols[0].checks.itemEn", String.class);
            assertThat(riskPointName).isNotBlank().isNotEqualTo(riskPointId);
            // the demo's risk points have the kinds' default checklists: Chinese, with English beside
            assertThat(items).allMatch(i -> i.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), "Chinese");
            assertThat(itemsEn).hasSameSizeAs(items).doesNotContainAnyElementsOf(items);

            open("partner", DevTokens.partner(organisation), "zh-CN", By.cssSelector("#patrols li.card"));
            By card = By.cssSelector("#patrols li[data-patrol='" + patrol + "']");
            browser.find(card);
            // the card is titled by the risk point's name, its checkpoints in the page's language
            assertThat(browser.text(By.cssSelector("#patrols li[data-patrol='" + patrol + "'] h3")))
                    .contains(riskPointName).doesNotContain(riskPointId);
            assertThat(browser.text(card)).contains(items).doesNotContain(itemsEn);
            screenshot("patrol-zh-phone", ConsoleBrowser.PHONE, card);
            String problem = "排水口被落叶堵住，积水 " + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < positions.size(); i++) {
                int position = positions.get(i);
                By check = By.cssSelector("#patrols li[data-patrol='" + patrol + "'] li[data-position='" + position
                        + "']");
                boolean first = i == 0;
                send(check, "check", form -> {
                    if (first) {
                        browser.choose(form, "result", "PROBLEM");
                        browser.choose(form, "category", "blocked-drain");
                        browser.type(form, "description", problem);
                    }
                });
                browser.until(d -> d.findElements(card).isEmpty() || !d.findElements(By.cssSelector(
                        "#patrols li[data-patrol='" + patrol + "'] li.done[data-position='" + position + "']")).isEmpty());
                if (i == 0 && positions.size() > 1) {
                    browser.click(By.id("lang"));
                    browser.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
                    assertThat(browser.text(card)).contains("1/" + positions.size() + " checked, 1 problem(s)")
                            .contains(riskPointName).contains(itemsEn).doesNotContain(items);
                    screenshot("patrol-en-phone", ConsoleBrowser.PHONE, card);
                }
            }
            // every checkpoint reported: the patrol leaves the page, alliance-service counts each and the problem
            browser.until(d -> d.findElements(card).isEmpty());
            given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.partner(organisation))
                    .get("/api/patrols?size=100").then().statusCode(200)
                    .body("items.find { it.id == '" + patrol + "' }.checkpointsDone", equalTo(positions.size()))
                    .body("items.find { it.id == '" + patrol + "' }.problemsFound", equalTo(1));

            // a check-on-neighbour visit the warning created: offered with the place, accepted, done with hours
            String[] visit = new String[2];
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonPath visits = given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(DevTokens.worker())
                        .get("/api/warnings/" + warningId + "/visits").then().statusCode(200)
                        .body("offers.flatten().find { it.status == 'OFFERED' }", notNullValue()).extract().jsonPath();
                visit[0] = visits.getString("offers.flatten().find { it.status == 'OFFERED' }.offerId");
                visit[1] = visits.getString("offers.flatten().find { it.status == 'OFFERED' }.volunteerId");
            });
            String volunteer = DevTokens.volunteer(visit[1]);
            open("volunteer", volunteer, "zh-CN", By.cssSelector("#visits li.card"));
            By offered = By.cssSelector("#visits li[data-offer='" + visit[0] + "']");
            // where and why in the page's words, not the API's English
            assertThat(browser.text(offered)).contains("探访").contains("为什么是我：人人可做；")
                    .containsPattern("\\d+号楼\\d+单元\\d+室").doesNotContain("building").doesNotContain("door");
            screenshot("visit-zh-phone", ConsoleBrowser.PHONE, offered);
            browser.until(d -> {
                d.findElement(offered).findElement(By.cssSelector("form[data-action='answer'] button[type=submit]"))
                        .click();
                return true;
            });
            By job = By.cssSelector("#visits li[data-job='" + visit[0] + "']");
            browser.find(job);
            browser.click(By.id("lang"));
            browser.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
            send(job, "complete", form -> {
                browser.type(form, "hours", "0.5");
                browser.type(form, "note", "All well, brought drinking water");
                screenshot("visit-en-phone", ConsoleBrowser.PHONE, job);
            });
            browser.until(d -> d.findElements(job).isEmpty());
            String visitId = given().baseUri(url(Service.VOLUNTEER)).auth().oauth2(volunteer)
                    .get("/api/volunteers/me/tasks").then().statusCode(200)
                    .body("find { it.id == '" + visit[0] + "' }.status", equalTo("COMPLETED"))
                    .body("find { it.id == '" + visit[0] + "' }.kind", equalTo("VISIT"))
                    .extract().path("find { it.id == '" + visit[0] + "' }.requestId");
            browser.assertNoScriptErrors();
            // the visit's events name it and its warning in fields of their own, and no service dead-letters them
            // (request-service passes a visit's events by: it has no request for them)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SystemProbes.published(system,
                    Topics.VOLUNTEERING, visitId)).filteredOn(e -> e.contains("\"hours\"")).singleElement()
                    .satisfies(completed -> assertThat(completed).contains("\"visitId\":\"" + visitId + "\"",
                            "\"warningId\":\"" + warningId + "\"")));
            for (String topic : Topics.ALL) {
                assertThat(SystemProbes.deadLettered(system, Topics.deadLetter(topic), Set.of(visitId))).isEmpty();
            }
        } finally {
            given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                    .body(Map.of("reason", "雨停了")).post("/api/warnings/" + warningId + "/lift");
        }
    }
    /**
     * The partner page's task feed after a dropped connection (alliance-service stopped and started again): the page
     * reconnects with the id of the last event it saw as Last-Event-ID, and the feed is live again from there.
     */
    @Test
    void thePartnerPagesFeedResumesFromTheLastEventItSawAfterTheConnectionDrops() {
        String id = given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.resident("resident-zheng"))
                .contentType(ContentType.JSON).body(Map.of("category", "broken-handrail", "building", "9", "unit", "3",
                        "household", "101", "description", "一楼扶手螺丝掉了 " + UUID.randomUUID()))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.ALLIANCE))
                .auth().oauth2(DevTokens.partner("property")).get("/api/partners/me/tasks?requestId=" + id)
                .then().statusCode(200).body("items.requestId", hasItem(id)));
        String task = given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.partner("property"))
                .get("/api/partners/me/tasks?requestId=" + id).then().extract().path("items[0].id");

        open("partner", DevTokens.partner("property"), "en", By.cssSelector("#tasks li.card"));
        By card = By.cssSelector("#tasks li[data-request='" + id + "']");
        By live = By.id("live");
        browser.until(d -> d.findElement(live).getText().startsWith("●"));
        browser.click(By.cssSelector("#tasks li[data-request='" + id + "'] button[data-action='acknowledge']"));
        // the acknowledgement comes back on the feed: the page knows the id of the last event it saw
        String seen = browser.until(d -> {
            String last = d.findElement(live).getAttribute("data-last-event-id");
            return last == null || last.isEmpty() ? null : last;
        });

        ServiceProcess alliance = system.service(Service.ALLIANCE);
        alliance.stop();
        browser.until(d -> d.findElement(live).getText().startsWith("○"));
        alliance.start().awaitReady(Duration.ofSeconds(120));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d ->
                d.findElement(live).getText().startsWith("●")
                        && !String.valueOf(d.findElement(live).getAttribute("data-resumed-from")).isEmpty()
                        && d.findElement(live).getAttribute("data-resumed-from") != null);
        String resumedFrom = browser.driver.findElement(live).getAttribute("data-resumed-from");
        assertThat(Long.parseLong(resumedFrom)).isGreaterThanOrEqualTo(Long.parseLong(seen));

        // live again: a change made elsewhere (the partner's API) reaches the page through the resumed feed
        given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.partner("property"))
                .contentType(ContentType.JSON).body(Map.of("note", "worker on the way"))
                .post("/api/tasks/" + task + "/progress").then().statusCode(200);
        browser.until(d -> d.findElement(card).findElement(By.cssSelector("[data-status]")).getAttribute("data-status")
                .equals("IN_PROGRESS"));
        assertThat(Long.parseLong(browser.driver.findElement(live).getAttribute("data-last-event-id")))
                .isGreaterThan(Long.parseLong(resumedFrom));
        browser.assertNoScriptErrors("Failed to fetch", "ERR_CONNECTION_REFUSED", "net::");
    }

    /** A request for property management in building 9 (routed to it as lead); returns its id once the task is there. */
    private String handrailFor(String resident, String unit, String household, String description) {
        String id = given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.resident(resident))
                .contentType(ContentType.JSON).body(Map.of("category", "broken-handrail", "building", "9", "unit", unit,
                        "household", household, "description", description))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.ALLIANCE))
                .auth().oauth2(DevTokens.partner("property")).get("/api/partners/me/tasks?requestId=" + id)
                .then().statusCode(200).body("items.requestId", hasItem(id)));
        return id;
    }

    @Test
    void aHalfWrittenReasonSurvivesTheFeedRedrawingTheCardsAndTheLanguageSwitch() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = handrailFor("resident-feng", "1", "301", "四楼扶手晃动 " + marker);
        open("partner", DevTokens.partner("property"), "zh-CN", By.cssSelector("#tasks li.card"));
        By card = By.cssSelector("#tasks li[data-request='" + id + "']");
        By reason = By.cssSelector("#tasks li[data-request='" + id + "'] details[data-form='decline'] [name='note']");
        String typed = "不属于物业维修范围，已告知居民找产权单位";
        browser.until(d -> {
            browser.type(disclose(card, "decline"), "note", typed);
            return true;
        });
        // the partner looks away (the field loses the focus) while the feed brings another task: the cards are drawn
        // anew, and what was typed is still in its field, the disclosure still open
        ((JavascriptExecutor) browser.driver).executeScript("document.activeElement.blur()");
        String other = handrailFor("resident-chu", "2", "302", "扶手油漆剥落 " + marker);
        browser.find(By.cssSelector("#tasks li[data-request='" + other + "']"));
        // the feed may redraw the cards again while this is read: each read finds the field anew
        assertThat(browser.<String>until(d -> d.findElement(reason).getAttribute("value"))).isEqualTo(typed);
        assertThat(browser.<Boolean>until(d -> d.findElement(By.cssSelector("#tasks li[data-request='" + id
                + "'] details[data-form='decline']")).getAttribute("open") != null)).isTrue();

        // the language switch draws every card again in English: the words stay
        browser.click(By.id("lang"));
        browser.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals("en"));
        browser.until(d -> d.findElement(card).findElement(By.cssSelector("details[data-form='decline'] summary"))
                .getText().equals("Decline"));
        assertThat(browser.<String>until(d -> d.findElement(reason).getAttribute("value"))).isEqualTo(typed);

        // sent, it is gone with its card; the other card's decline form starts empty
        send(card, "decline", form -> { });
        browser.until(d -> d.findElements(card).isEmpty());
        given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.partner("property"))
                .get("/api/partners/me/tasks?requestId=" + id).then().statusCode(200)
                .body("items.status", hasItem("DECLINED")).body("items.note", hasItem(typed));
        // the decline of the first task brings events that redraw the cards: the other's form is read in one step
        By otherCard = By.cssSelector("#tasks li[data-request='" + other + "']");
        assertThat(browser.<String>until(d -> disclose(otherCard, "decline").findElement(By.name("note"))
                .getAttribute("value"))).isEmpty();
        browser.assertNoScriptErrors();
    }
}
