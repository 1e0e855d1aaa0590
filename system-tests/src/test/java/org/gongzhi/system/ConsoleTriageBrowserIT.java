package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Triage from the console once a request is routed (ASSIGNED, milliseconds after intake): merge a duplicate seen side
 * by side, and re-categorise so that the alliance re-routes it. These need request-service's triage that works at
 * every open state (status MERGED, {@code request.recategorised}; issue 17, part 1).
 */
@EnabledIf("org.gongzhi.system.ConsoleBrowser#chromiumInstalled")
class ConsoleTriageBrowserIT {
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
    void aDuplicateSeenSideBySideIsMergedIntoItsMaster() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String master = submit("resident-qian", "lift-fault", "17", "电梯卡在三楼 " + marker);
        String duplicate = submit("resident-sun", "lift-fault", "17", "17号楼电梯又坏了 " + marker);
        awaitAssigned(master);
        awaitAssigned(duplicate);

        browser.open("zh-CN");
        browser.until(d -> !d.findElements(By.cssSelector("#requests tr[data-request='" + duplicate + "']")).isEmpty());
        browser.openFromBoard(duplicate);
        WebElement pair = browser.find(By.cssSelector("#detail-body li.side-by-side[data-duplicate='" + master + "']"));
        assertThat(pair.findElements(By.cssSelector("article.card"))).hasSize(2);
        assertThat(pair.getText()).contains("电梯卡在三楼 " + marker).contains("17号楼电梯又坏了 " + marker);
        pair.findElement(By.cssSelector("button[data-merge='this-into-that']")).click();

        browser.until(d -> d.findElement(By.cssSelector("#detail-body .facts .status")).getText().equals("已合并"));
        browser.until(d -> d.findElements(By.cssSelector("#requests tr[data-request='" + duplicate + "']")).isEmpty());
        given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.worker()).get("/api/requests/" + duplicate)
                .then().statusCode(200).body("status", equalTo("MERGED")).body("mergedInto", equalTo(master));

        // merged by mistake: undone the same day, it is on the board again with its own tasks
        browser.find(By.id("action-unmerge")).click();
        browser.until(d -> d.findElement(By.cssSelector("#detail-body .facts .status")).getText().equals("已派单"));
        given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.worker()).get("/api/requests/" + duplicate)
                .then().statusCode(200).body("status", equalTo("ASSIGNED")).body("mergedInto", equalTo(null));
        browser.until(d -> !d.findElements(By.cssSelector("#requests tr[data-request='" + duplicate + "']")).isEmpty());
        browser.assertNoScriptErrors();
    }

    @Test
    void aRecategorisedRequestShowsItsNewLeadParty() {
        String id = submit("resident-zhou", "water-leak", "9", "墙里有滋滋声，可能是电线 " + UUID.randomUUID());
        awaitAssigned(id);

        browser.open("en");
        browser.until(d -> !d.findElements(By.cssSelector("#requests tr[data-request='" + id + "']")).isEmpty());
        browser.openFromBoard(id);
        WebElement form = browser.action(browser.find(By.id("detail-body")), "triage");
        browser.choose(form, "category", "old-wiring");
        browser.choose(form, "urgency", "URGENT");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        // the alliance re-routes: power leads now, property (lead of a leak) no longer does
        By powerLeads = By.cssSelector("#detail-body li.task[data-organisation='power']");
        browser.until(d -> d.findElement(powerLeads).getText().contains("lead"));
        browser.until(d -> d.findElement(By.cssSelector("#requests tr[data-request='" + id + "']")).getText()
                .contains("城东供电所"));
        given().baseUri(url(Service.ALLIANCE)).auth().oauth2(DevTokens.worker()).get("/api/cases/" + id)
                .then().statusCode(200)
                .body("tasks.find { it.organisationId == 'power' }.role", equalTo("LEAD"))
                .body("tasks.findAll { it.status != 'CANCELLED' }.organisationId", hasItem("power"));
        browser.assertNoScriptErrors();
    }

    private String url(Service service) {
        return system.url(service).toString();
    }

    private String submit(String resident, String category, String building, String description) {
        return given().baseUri(url(Service.REQUEST)).auth().oauth2(DevTokens.resident(resident))
                .contentType(ContentType.JSON).body(Map.of("category", category, "description", description,
                        "building", building, "unit", "1"))
                .post("/api/requests").then().statusCode(201).extract().path("id");
    }

    private void awaitAssigned(String id) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url(Service.REQUEST))
                .auth().oauth2(DevTokens.worker()).get("/api/requests/" + id).then().statusCode(200)
                .body("status", equalTo("ASSIGNED")));
    }
}
