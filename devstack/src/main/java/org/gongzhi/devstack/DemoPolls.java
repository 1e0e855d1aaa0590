package org.gongzhi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The demo loader waits for the services to follow an event: it asks again every half second, for a while. */
final class DemoPolls {
    private DemoPolls() {
    }

    /** The first answer {@code done} accepts within {@code patience}, else null (also when interrupted). */
    static JsonNode until(Duration patience, Supplier<JsonNode> ask, Predicate<JsonNode> done) {
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            JsonNode answer = ask.get();
            if (done.test(answer)) {
                return answer;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
