package org.gongzhi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.Test;

/** With Kafka down the API still takes requests (a 2xx means stored); they wait in the outbox and flow after. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class KafkaOutageTest {

    @Test
    void requestsAcceptedWhileKafkaIsDownArePublishedWhenItReturns() {
        Fixtures.building("7");
        var stack = DevstackResource.stack();
        stack.stopKafka();
        String id;
        try {
            id = Tracks.leakBy(DevTokens.resident("r-outage"));
            assertThat(Fixtures.count("select count(*) from resident_request where id = '" + id + "'")).isEqualTo(1);
            assertThat(Fixtures.count("select count(*) from outbox_event where event_key = '" + id
                    + "' and sent_at is null")).isEqualTo(1);
        } finally {
            stack.restartKafka();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.count(
                "select count(*) from outbox_event where event_key = '" + id + "' and sent_at is not null") == 1);
        assertThat(KafkaProbe.records(Topics.REQUESTS, id, found -> !found.isEmpty())).hasSize(1);
    }
}
