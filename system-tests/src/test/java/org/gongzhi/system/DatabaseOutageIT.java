package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongzhi.system.SystemProbes.deadLetterCount;
import static org.gongzhi.system.SystemProbes.fileLeaks;
import static org.gongzhi.system.SystemProbes.hasTask;
import static org.gongzhi.system.SystemProbes.lag;
import static org.gongzhi.system.SystemProbes.status;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away for a while (longer than the few quick retries a failing event gets) in the middle of a
 * backlog, then comes back. Meanwhile the API says 503 and saves nothing; the consumers wait for the database rather
 * than dead-letter what they hold; afterwards every request is assigned once and nothing was dead-lettered.
 */
class DatabaseOutageIT {
    private static final int REQUESTS = 150;
    /**
     * Failed attempts of one batch before the database comes back (about six seconds with the inbox's backoff): the
     * old inbox dead-lettered an event after four.
     */
    private static final int ATTEMPTS_WAITED = 6;

    @Test
    void theConsumersWaitOutADatabaseOutageAndNothingIsLostOrDeadLettered() throws IOException {
        LocalSystem system = SystemUnderTest.get();
        URI requests = system.url(Service.REQUEST);
        ServiceProcess alliance = system.service(Service.ALLIANCE);
        long deadLettersBefore = deadLetterCount(system);

        // frozen (SIGSTOP) while the backlog is filed, not stopped and started again: the same backlog, about 40 s
        // sooner on two cores
        alliance.pause();
        List<String> ids;
        long allianceLogFrom;
        try {
            ids = fileLeaks(requests, REQUESTS, "outage");
            allianceLogFrom = Files.size(alliance.log());
        } finally {
            alliance.resume();
        }
        URI tasks = system.url(Service.ALLIANCE);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                ids.stream().anyMatch(id -> hasTask(tasks, id)));

        system.stack().stopPostgres();
        try {
            given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                    .body("{\"category\": \"noise\", \"description\": \"filed while the database is away\", "
                            + "\"building\": \"3\"}")
                    .post("/api/requests")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
            // a batch of the backlog fails again and again while the database is away, and is not given up
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    mostAttemptsOfOneBatch(alliance.log(), allianceLogFrom) >= ATTEMPTS_WAITED);
        } finally {
            system.stack().restartPostgres();
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(status(requests, id)).as(id).isEqualTo("ASSIGNED");
            }
        });
        for (String id : ids) {
            assertThat(given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .get("/api/requests/" + id).then().extract().jsonPath()
                    .getList("tasks.findAll { it.role == 'LEAD' }")).as("one lead task for " + id).hasSize(1);
        }
        assertThat(given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                .queryParam("q", "filed while the database is away").get("/api/requests")
                .then().statusCode(200).extract().<Integer>path("total")).as("the refused request").isZero();
        await().atMost(Duration.ofSeconds(180)).until(() -> lag(system) == 0);
        assertThat(deadLetterCount(system)).as("records on the dead-letter topics").isEqualTo(deadLettersBefore);
    }

    /** The most times, since {@code from}, the service logged one batch (its first record) waiting for the database. */
    private static long mostAttemptsOfOneBatch(Path log, long from) throws IOException {
        String text = Files.readString(log);
        Matcher waiting = Pattern.compile("database unavailable; \\d+ events from (\\S+) wait")
                .matcher(text.substring((int) Math.min(from, text.length())));
        Map<String, Long> attempts = new HashMap<>();
        while (waiting.find()) {
            attempts.merge(waiting.group(1), 1L, Long::sum);
        }
        return attempts.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
