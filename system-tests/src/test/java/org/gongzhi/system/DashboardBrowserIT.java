package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dispatcher's dashboard in headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * a request submitted through the API appears without a reload, turns ASSIGNED, colours its building, the
 * deliberation hall's panel is drawn, and the page switches language — with no script error.
 */
@EnabledIf("chromiumInstalled")
class DashboardBrowserIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private WebDriver browser;

    static boolean chromiumInstalled() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER)
                .toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewRequestAppearsLiveTurnsAssignedAndColoursItsBuilding() {
        LocalSystem system = SystemUnderTest.get();
        String dashboard = system.url(Service.NOTIFICATION).toString();
        browser.get(dashboard + "/#token=" + DevTokens.worker());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("live-text")).getText().equals("实时"));
        assertThat(browser.getCurrentUrl()).doesNotContain("token=");

        String id = given().baseUri(system.url(Service.REQUEST).toString())
                .auth().oauth2(DevTokens.resident("resident-browser")).contentType(ContentType.JSON)
                .body("{\"category\": \"old-wiring\", \"description\": \"电线老化冒火花\", \"building\": \"29\"}")
                .post("/api/requests").then().statusCode(201).extract().path("id");

        By row = By.cssSelector("tr[data-request='" + id + "']");
        wait.until(d -> !d.findElements(row).isEmpty());
        wait.until(d -> d.findElement(row).findElement(By.className("status")).getText().equals("已派单"));
        WebElement building = browser.findElement(By.cssSelector("#map button[data-building='29']"));
        assertThat(Integer.parseInt(building.getAttribute("data-level"))).isGreaterThanOrEqualTo(1);

        building.click();
        // the list is asked of the server again for the building and drawn anew: rows read mid-redraw are stale
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#requests tr"));
            return !rows.isEmpty() && rows.stream().allMatch(tr -> tr.getText().contains("29号楼"))
                    && rows.stream().anyMatch(tr -> id.equals(tr.getAttribute("data-request")));
        });

        // the deliberation hall's panel is drawn from its read model, in the page's language
        assertThat(browser.findElement(By.id("hall-title")).getText()).isEqualTo("议事厅");
        wait.until(d -> !d.findElements(By.cssSelector("#hall-topics li")).isEmpty());

        browser.findElement(By.id("lang")).click();
        wait.until(d -> d.findElement(row).findElement(By.className("status")).getText().equals("Assigned"));
        assertThat(browser.findElement(By.id("list-title")).getText()).contains("Open requests");
        assertThat(browser.findElement(By.id("hall-title")).getText()).isEqualTo("Deliberation hall");
        browser.navigate().refresh();
        wait.until(d -> d.findElement(By.id("lang")).getText().equals("中文")); // the choice is remembered

        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("script errors on the page").isEmpty();
    }
}
