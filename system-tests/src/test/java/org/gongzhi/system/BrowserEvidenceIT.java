package org.gongzhi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * What a browser test's failure says of the page (ConsoleBrowser.evidence): a page that signed out or showed an error
 * must be told apart, from the failure's message alone, from one that had not caught up. A page of its own, no system.
 */
@EnabledIf("org.gongzhi.system.ConsoleBrowser#chromiumInstalled")
class BrowserEvidenceIT {

    @Test
    void theStateOfAPageThatSignedOutAndShowedAnErrorIsInTheFailure() throws Exception {
        Path page = Files.writeString(Files.createTempFile("signed-out", ".html"), """
                <!doctype html><html lang="en"><body>
                <section id="login"><input id="token" name="token"></section>
                <main id="app" hidden><textarea name="note"></textarea></main>
                <p id="errors" role="alert">请重新登录</p>
                <script>document.getElementById('token').focus(); console.error('HTTP 401 from /api/tasks');</script>
                </body></html>""");
        try (ConsoleBrowser browser = new ConsoleBrowser(null)) {
            browser.driver.get(page.toUri().toString());

            String state = browser.state("theStateOfAPageThatSignedOutAndShowedAnErrorIsInTheFailure");

            assertThat(state).contains("lang en", "#app hidden", "#login shown", "errors: 请重新登录",
                    "focus input[name=token]", "HTTP 401 from /api/tasks", "failed-theStateOf");
            assertThat(Path.of(state.substring(state.indexOf("screenshot ") + "screenshot ".length()))).isNotEmptyFile();
        }
    }
}
