package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongzhi.system.SystemProbes.deadLettered;
import static org.gongzhi.system.SystemProbes.fileLeaks;
import static org.gongzhi.system.SystemProbes.hasTask;
import static org.gongzhi.system.SystemProbes.lag;
import static org.gongzhi.system.SystemProbes.status;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * alliance-service is stopped the ordinary way (SIGTERM, as a deploy does) while it works through a backlog: the
 * batches it had in flight are neither lost nor dead-lettered, and after it starts again every request is assigned
 * once. (Before, the pool closing under those batches made their retries fail and sent the events to the
 * dead-letter topic.)
 */
class GracefulRestartIT {
    /** Enough for several batches in flight when the stop comes (this backlog stays open in the shared community). */
    private static final int REQUESTS = 300;

    @Test
    void aGracefulStopInTheMiddleOfABacklogLosesNothingAndDeadLettersNothing() {
        LocalSystem system = SystemUnderTest.get();
        URI requests = system.url(Service.REQUEST);
        ServiceProcess alliance = system.service(Service.ALLIANCE);

        // frozen (SIGSTOP) while the backlog is filed, not stopped: the backlog builds up the same, without a stop and
        // a start of its own (about 40 s on two cores) before the stop this test is about
        alliance.pause();
        List<String> ids;
        try {
            ids = fileLeaks(requests, REQUESTS, "backlog");
        } finally {
            alliance.resume();
        }
        // the backlog is being applied (its first batch has committed): stop in the middle of it
        URI tasks = system.url(Service.ALLIANCE);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                ids.stream().anyMatch(id -> hasTask(tasks, id)));
        alliance.stop();
        alliance.start().awaitReady(Duration.ofSeconds(120));

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(status(requests, id)).as(id).isEqualTo("ASSIGNED");
            }
        });
        for (String id : ids) {
            JsonPath request = given().baseUri(requests.toString()).auth().oauth2(DevTokens.worker())
                    .get("/api/requests/" + id).then().extract().jsonPath();
            assertThat(request.getList("tasks.findAll { it.role == 'LEAD' }")).as("one lead task for " + id)
                    .hasSize(1);
        }
        assertThat(deadLettered(system, Topics.deadLetter(Topics.REQUESTS), new HashSet<>(ids))).isEmpty();
        // the other services work through the backlog's events too: leave the shared system as it was found, idle
        await().atMost(Duration.ofSeconds(180)).until(() -> lag(system) == 0);
    }
}
