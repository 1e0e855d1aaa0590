package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import java.net.URI;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's 小区与分类 page in headless Chromium, as a community worker uses it: adds a building (units and
 * households from a count and households per floor) and a named place and sees them listed; sets the community's own
 * time limits for a category (a limit shorter than the other refused beside its field), sees them, clears them;
 * withdraws a category with no open requests and takes it back; tries to remove a building that has an open request,
 * and to withdraw that request's category, and reads the refusals, in Chinese and in English. Screenshots to
 * target/screenshots (docs/console/estate-*.png: zh and en, desktop and phone).
 */
@EnabledIf("org.gongzhi.system.ConsoleBrowser#chromiumInstalled")
class EstateBrowserIT {

    private static URI url(Service service) {
        return SystemUnderTest.get().url(service);
    }

    @Test
    void aWorkerKeepsTheEstateAndChoosesTheCommunitysCategories() {
        LocalSystem system = SystemUnderTest.get();
        // a category of the catalogue no request has named yet: the one the community withdraws and takes back
        String category = "pets-" + UUID.randomUUID().toString().substring(0, 6);
        given().baseUri(url(Service.REQUEST).toString()).auth().oauth2(DevTokens.worker())
                .contentType(ContentType.JSON).body("""
                        {"code": "%s", "nameZh": "宠物扰民", "nameEn": "Pet nuisance", "tracks": ["ALLIANCE"],
                         "defaultUrgency": "NORMAL", "respondWithin": "PT3H", "resolveWithin": "P2D"}"""
                        .formatted(category)).post("/api/categories").then().statusCode(201);

        try (ConsoleBrowser browser = new ConsoleBrowser(system)) {
            browser.open("zh-CN").show("estate");
            assertThat(browser.text(By.cssSelector("#nav button[data-show='estate']"))).isEqualTo("小区与分类");
            // the demo's 32 buildings and its places are listed
            browser.until(d -> d.findElements(By.cssSelector("#estate-buildings tbody tr")).size() >= 32);
            assertThat(browser.text(By.cssSelector("#estate-places tr[data-place='east-gate']"))).contains("小区东门");

            // a building: 2 units, 6 floors of 2 households → 24 households; the form suggests the next code and cell
            WebElement building = browser.action(browser.find(By.id("estate-panel")), "add-building");
            assertThat(building.findElement(By.name("code")).getAttribute("value")).isEqualTo("33");
            browser.type(building, "name", "33号楼");
            browser.type(building, "units", "2");
            browser.type(building, "floors", "6");
            browser.type(building, "perFloor", "2");
            assertThat(browser.text(By.cssSelector("#building-form [data-preview]"))).contains("24 户");
            browser.click(By.cssSelector("#building-form button[type=submit]"));
            By row = By.cssSelector("#estate-buildings tr[data-building='33']");
            browser.until(d -> d.findElement(row).getText().contains("33号楼"));
            assertThat(browser.driver.findElements(By.cssSelector("#estate-buildings tr[data-building='33'] td.num")))
                    .extracting(WebElement::getText).containsExactly("2", "24");

            // a place
            WebElement place = browser.action(browser.find(By.id("estate-panel")), "add-place");
            browser.type(place, "code", "south-square");
            browser.type(place, "name", "南广场");
            browser.type(place, "nameEn", "South square");
            browser.click(By.cssSelector("#place-form button[type=submit]"));
            browser.until(d -> d.findElement(By.cssSelector("#estate-places tr[data-place='south-square']")).getText()
                    .contains("南广场"));
            given().baseUri(url(Service.REQUEST).toString()).auth().oauth2(DevTokens.worker())
                    .get("/api/estate/places/south-square").then().statusCode(200).body("nameEn", equalTo("South square"));

            // the community's own time limits: refused beside the field when resolving is quicker than responding
            By card = By.cssSelector("#estate-categories article[data-category='" + category + "']");
            assertThat(browser.text(card)).contains("宠物扰民").contains("响应 3小时，办结 2天").contains("按目录");
            WebElement limits = browser.action(browser.find(card), "limits");
            browser.type(limits, "respondWithin", "5");
            browser.choose(limits, "respondWithinUnit", "hours");
            browser.type(limits, "resolveWithin", "1");
            browser.choose(limits, "resolveWithinUnit", "hours");
            limits.findElement(By.cssSelector("button[type=submit]")).click();
            By resolveError = By.cssSelector("#estate-categories article[data-category='" + category
                    + "'] .field-error[data-field='resolveWithin']");
            assertThat(browser.text(resolveError)).contains("不能短于响应时限");
            limits = browser.action(browser.find(card), "limits");
            browser.type(limits, "respondWithin", "1");
            browser.type(limits, "resolveWithin", "2");
            browser.choose(limits, "resolveWithinUnit", "days");
            limits.findElement(By.cssSelector("button[type=submit]")).click();
            By own = By.cssSelector("#estate-categories article[data-category='" + category + "'] .own-limits");
            browser.until(d -> d.findElement(own).getText().equals("响应 1小时，办结 2天"));
            given().baseUri(url(Service.REQUEST).toString()).auth().oauth2(DevTokens.worker()).get("/api/categories")
                    .then().body("find { it.code == '%s' }.respondWithin".formatted(category), equalTo("PT1H"))
                    .body("find { it.code == '%s' }.resolveWithin".formatted(category), equalTo("PT48H"));

            // withdrawn: no longer offered to the community; taken back: offered again
            browser.click(By.cssSelector("#estate-categories article[data-category='" + category
                    + "'] form[data-form='withdraw'] button"));
            browser.until(d -> d.findElement(card).getAttribute("data-withdrawn").equals("true"));
            assertThat(browser.text(card)).contains("已停用");
            given().baseUri(url(Service.REQUEST).toString()).auth().oauth2(DevTokens.worker()).get("/api/categories")
                    .then().body("code", not(hasItem(category)));
            browser.click(By.cssSelector("#estate-categories article[data-category='" + category
                    + "'] form[data-form='restore'] button"));
            browser.until(d -> d.findElement(card).getAttribute("data-withdrawn").equals("false"));
            given().baseUri(url(Service.REQUEST).toString()).auth().oauth2(DevTokens.worker()).get("/api/categories")
                    .then().body("code", hasItem(category));

            // a request in the new building: it cannot be removed, and the worker is told why
            given().baseUri(url(Service.REQUEST).toString()).auth().oauth2(DevTokens.worker())
                    .contentType(ContentType.JSON).body("""
                            {"category": "water-leak", "description": "新楼 1 单元 101 厨房漏水", "building": "33",
                             "unit": "1", "household": "101", "channel": "phone"}""")
                    .post("/api/requests").then().statusCode(201);
            WebElement removal = browser.action(browser.find(row), "remove");
            removal.findElement(By.cssSelector("button[type=submit]")).click();
            By refusal = By.cssSelector("#estate-buildings tr[data-building='33'] .form-error");
            assertThat(browser.text(refusal)).contains("33 号楼还有未办结的诉求");
            assertThat(browser.driver.findElements(row)).hasSize(1);
            // nor can 漏水 be withdrawn while that request is open
            By leak = By.cssSelector("#estate-categories article[data-category='water-leak']");
            browser.click(By.cssSelector(
                    "#estate-categories article[data-category='water-leak'] form[data-form='withdraw'] button"));
            assertThat(browser.text(By.cssSelector("#estate-categories article[data-category='water-leak'] .form-error")))
                    .contains("还有类别 water-leak 的未办结诉求");
            assertThat(browser.find(leak).getAttribute("data-withdrawn")).isEqualTo("false");
            topWithRowShown(browser, row);
            browser.screenshot("estate-zh-desktop", ConsoleBrowser.DESKTOP);
            browser.screenshot("estate-zh-phone", ConsoleBrowser.PHONE, row);

            // in English: the page's words and the refusal
            browser.click(By.id("lang"));
            browser.until(d -> d.findElement(By.id("estate-title")).getText().equals("Estate & categories"));
            assertThat(browser.text(own)).isEqualTo("respond 1 h, resolve 2 days");
            removal = browser.action(browser.find(row), "remove");
            removal.findElement(By.cssSelector("button[type=submit]")).click();
            browser.until(d -> d.findElement(refusal).getText().contains("building 33 has open requests"));
            topWithRowShown(browser, row);
            browser.screenshot("estate-en-desktop", ConsoleBrowser.DESKTOP);
            browser.screenshot("estate-en-phone", ConsoleBrowser.PHONE, row);

            // the community's own limits cleared: the catalogue's apply again
            browser.action(browser.find(card), "limits");
            browser.click(By.cssSelector("#estate-categories article[data-category='" + category
                    + "'] form[data-form='clear-limits'] button"));
            browser.until(d -> d.findElement(own).getText().equals("as the catalogue"));
            given().baseUri(url(Service.REQUEST).toString()).auth().oauth2(DevTokens.worker()).get("/api/categories")
                    .then().body("find { it.code == '%s' }.respondWithin".formatted(category), equalTo("PT3H"));
            browser.assertNoScriptErrors("400", "409");
        }
    }

    /** The page from its top, the buildings' list scrolled (inside its box) to the row. */
    private static void topWithRowShown(ConsoleBrowser browser, By row) {
        browser.until(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "arguments[0].scrollIntoView({block: 'nearest'}); window.scrollTo(0, 0); return true",
                d.findElement(row)));
    }
}
