package org.gongzhi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dispatcher's console in headless Chromium (Debian's chromium and chromium-driver): signed in with the
 * {@code #token=} link as {@code ./gongzhi up} prints it, in the language asked for.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    final WebDriver driver;
    final WebDriverWait wait;
    final LocalSystem system;

    static boolean chromiumInstalled() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    ConsoleBrowser(LocalSystem system) {
        this.system = system;
        try {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN",
                    "--user-data-dir=" + Files.createTempDirectory("chromium"));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().window().setSize(DESKTOP);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // The pages redraw their cards whenever a feed brings an event, so an element found a moment ago may be gone:
        // stale, or (chromedriver keeps a removed node's reference) no longer shown, which it reports as "not
        // interactable" (a field cleared, then typed into after a redraw); a condition is then tried again on what the
        // page shows now, and still fails after the wait if the page never lets it hold.
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .ignoring(ElementNotInteractableException.class);
    }

    /** Opens the console signed in as a worker, in {@code zh-CN} or {@code en}, and waits for the live stream. */
    ConsoleBrowser open(String language) {
        driver.get(system.url(Service.NOTIFICATION) + "/#token=" + DevTokens.worker());
        wait.until(d -> d.findElement(By.id("live-text")).getText().equals("实时")
                || d.findElement(By.id("live-text")).getText().equals("Live"));
        String shown = driver.findElement(By.tagName("html")).getAttribute("lang");
        if (!shown.equals(language)) {
            driver.findElement(By.id("lang")).click();
            wait.until(d -> d.findElement(By.tagName("html")).getAttribute("lang").equals(language));
        }
        return this;
    }

    ConsoleBrowser show(String view) {
        click(By.cssSelector("#nav button[data-show='" + view + "']"));
        wait.until(d -> d.findElement(By.cssSelector("[data-view='" + view + "']")).isDisplayed());
        return this;
    }

    /** Opens a request's detail from its row on the board (the request must be on the page shown). */
    ConsoleBrowser openFromBoard(String requestId) {
        click(By.cssSelector("#requests tr[data-request='" + requestId + "'] button.link"));
        wait.until(d -> d.findElement(By.cssSelector("#detail-body [data-request='" + requestId + "']")).isDisplayed());
        return this;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    WebElement find(By by) {
        return wait.until(d -> d.findElement(by));
    }

    void click(By by) {
        wait.until(d -> {
            WebElement el = d.findElement(by);
            if (!el.isDisplayed() || !el.isEnabled()) {
                return false;
            }
            el.click();
            return true;
        });
    }

    void type(WebElement form, String name, String text) {
        WebElement field = form.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    void choose(WebElement form, String name, String value) {
        new Select(form.findElement(By.name(name))).selectByValue(value);
    }

    /** Opens an action's disclosure (a details element) inside {@code scope} and returns its form. */
    WebElement action(WebElement scope, String action) {
        WebElement details = wait.until(d -> scope.findElement(By.cssSelector("details[data-action='" + action + "']")));
        if (details.getAttribute("open") == null) {
            WebElement summary = details.findElement(By.tagName("summary"));
            // the detail view's header is sticky: an element at the top edge counts as in view for WebDriver yet lies
            // under the header, so bring it to the middle first, as a person scrolling to it would
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", summary);
            summary.click();
        }
        return wait.until(d -> details.findElement(By.tagName("form")));
    }

    String text(By by) {
        return wait.until(d -> d.findElement(by).getText());
    }

    /** A screenshot of the window as it is, at the given size, into system-tests/target/screenshots. */
    Path screenshot(String name, Dimension size) {
        return screenshot(name, size, null);
    }

    /** The same, with {@code focus} (when given) scrolled to the middle of the window at that size. */
    Path screenshot(String name, Dimension size, By focus) {
        driver.manage().window().setSize(size);
        if (focus != null) {
            // found and scrolled to in one wait: a live page may redraw the element in between
            until(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'}); return true", d.findElement(focus)));
        }
        try {
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(DESKTOP);
        }
    }

    /** No script error; {@code expected}: refusals the test provoked (the browser logs each failed call). */
    void assertNoScriptErrors(String... expected) {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> List.of(expected).stream().noneMatch(e.getMessage()::contains)).toList();
        assertThat(severe).as("script errors on the page").isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
