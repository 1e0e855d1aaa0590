package org.gongzhi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The street page (街道视图) in headless Chromium, signed in by the link the local run prints: the demo's two
 * communities side by side with their counts and rates, the parties across them, in Chinese and in English; screenshots
 * at desktop and phone width go to target/screenshots.
 */
@EnabledIf("org.gongzhi.system.ConsoleBrowser#chromiumInstalled")
class StreetBrowserIT {

    @Test
    void theSubDistrictOfficeSeesItsCommunitiesSideBySideInBothLanguages() {
        LocalSystem system = SystemUnderTest.get();
        try (ConsoleBrowser browser = new ConsoleBrowser(system)) {
            browser.driver.get(system.url(Service.NOTIFICATION) + "/street/#token=" + DevTokens.subdistrict());
            By hepingli = By.cssSelector("#communities tr[data-community='hepingli'] th");
            By qingnianhu = By.cssSelector("#communities tr[data-community='qingnianhu'] th");
            browser.until(d -> d.findElement(hepingli).getText().equals("和平里社区")
                    && d.findElement(qingnianhu).getText().equals("青年湖社区"));
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("token=");
            assertThat(browser.text(By.id("subdistrict"))).isEqualTo("和平里街道");
            assertThat(headers(browser)).containsExactly("社区", "未办结", "超时", "已升级", "响应率", "解决率", "满意率");
            // the second community's day: open requests, and a request resolved by its office this week
            browser.until(d -> Integer.parseInt(d.findElement(
                    By.cssSelector("#communities tr[data-community='qingnianhu'] td.open")).getText()) >= 2);
            browser.until(d -> d.findElement(By.cssSelector("#parties tr[data-party='qingnianhu-office']")) != null);
            assertThat(browser.text(By.cssSelector("#parties tr[data-party='property'] td.shares")))
                    .contains("和平里社区");
            assertThat(browser.text(By.id("live"))).endsWith("更新");
            browser.screenshot("street-desktop-zh", ConsoleBrowser.DESKTOP);
            browser.screenshot("street-phone-zh", ConsoleBrowser.PHONE);

            browser.click(By.id("lang"));
            browser.until(d -> d.findElement(hepingli).getText().equals("Hepingli community"));
            assertThat(browser.text(By.id("subdistrict"))).isEqualTo("Hepingli Sub-district");
            assertThat(headers(browser)).containsExactly("Community", "Open", "Late", "Escalated", "Response",
                    "Resolution", "Satisfaction");
            assertThat(browser.text(By.id("warnings-title"))).isEqualTo("Warnings and patrols");
            browser.screenshot("street-desktop-en", ConsoleBrowser.DESKTOP);
            browser.screenshot("street-phone-en", ConsoleBrowser.PHONE);
            browser.assertNoScriptErrors();
        }
    }

    private static List<String> headers(ConsoleBrowser browser) {
        return browser.until(d -> d.findElements(By.cssSelector("#communities thead th"))).stream()
                .map(WebElement::getText).toList();
    }
}
