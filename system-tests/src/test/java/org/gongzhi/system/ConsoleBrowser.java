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
import java.util.function.Supplier;
import java.util.logging.Level;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
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
        // The pages redraw their cards whenever a feed brings an event, so an element found a moment ago may be gone
        // (stale). Once (CI, 2026-12-07) FieldBrowserIT found a note field it had just cleared "not interactable" when
        // typing into it: attached, but not shown. The cause is not known (a node a redraw removes is reported stale
        // by chromedriver 156, checked; no script of the page closes an open form); such a condition is tried again on
        // what the page shows now, still fails once the wait is over, and its failure then carries the page's state
        // (evidence(): a page that signed out or showed an error says so).
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

    /**
     * A browser test's failure carrying what the page showed at that moment (its parts shown or hidden, the error it
     * showed, where the focus was, its last console lines) in the message, and a screenshot of it in
     * {@code target/screenshots/failed-<test>.png}: in CI only the message is seen, and it should tell a page that
     * signed out or showed an error from one that had not caught up. Registered by each test class that keeps its
     * browser in a field ({@code @RegisterExtension}); it runs before {@code @AfterEach} closes the browser.
     */
    static TestExecutionExceptionHandler evidence(Supplier<ConsoleBrowser> browser) {
        return (context, failure) -> {
            ConsoleBrowser open = browser.get();
            if (open == null) {
                throw failure;
            }
            throw new AssertionError("the page then: " + open.state(context.getRequiredTestMethod().getName()) + "\n"
                    + failure, failure);
        };
    }

    String state(String test) {
        StringBuilder state = new StringBuilder();
        try {
            state.append(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                    const part = (id) => { const e = document.getElementById(id);
                      return e ? `#${id} ${e.hidden ? 'hidden' : 'shown'}` : null; };
                    const errors = document.getElementById('errors');
                    const focus = document.activeElement;
                    return [location.pathname, `lang ${document.documentElement.lang}`, part('app'), part('login'),
                      errors && !errors.hidden ? `errors: ${errors.textContent}` : null,
                      focus && focus !== document.body
                        ? `focus ${focus.tagName.toLowerCase()}${focus.name ? `[name=${focus.name}]` : ''}` : null]
                      .filter(Boolean).join('; ');"""));
            List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
            console.stream().skip(Math.max(0, console.size() - 5)).forEach(e -> state.append("; console ")
                    .append(e.getLevel()).append(' ').append(e.getMessage(), 0, Math.min(200, e.getMessage().length())));
            Path dir = Files.createDirectories(Path.of("target/screenshots"));
            Path file = dir.resolve("failed-" + test + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            state.append("; screenshot ").append(file);
        } catch (WebDriverException | IOException e) {
            state.append("; the page did not answer: ").append(String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse(""));
        }
        return state.toString();
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
