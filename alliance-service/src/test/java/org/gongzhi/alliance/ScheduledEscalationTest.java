package org.gongzhi.alliance;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.Test;

/** The scheduler itself runs the check, as in production (the other tests call it directly). */
@QuarkusTest
@TestProfile(ScheduledEscalationTest.SchedulerOn.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class ScheduledEscalationTest {

    public static class SchedulerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongzhi.escalation.check-every", "1s");
        }
    }

    @Test
    void aTaskPastItsAcknowledgeDeadlineIsEscalatedByTheScheduler() {
        Fixtures.leakAlliance();
        String requestId = UUID.randomUUID().toString();
        Fixtures.submit(requestId, "water-leak", "7", Instant.now().minusSeconds(60), Instant.now().plusSeconds(86400));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from task where request_id = '"
                + requestId + "' and escalation_level = 1") == 2);
    }
}
