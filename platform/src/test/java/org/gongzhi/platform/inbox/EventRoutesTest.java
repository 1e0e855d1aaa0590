package org.gongzhi.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.events.RequestAcknowledged;
import org.gongzhi.events.WarningLifted;
import org.junit.jupiter.api.Test;

/** Routes alone, no broker, no database: which effects an event has, and in what order they run. */
class EventRoutesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final List<String> ran = new ArrayList<>();

    private static final InboundEvent<RequestAcknowledged> ACKNOWLEDGED = event(new RequestAcknowledged("c1", "r1",
            "WATER_LEAK", "5", "ASSIGNED", Instant.parse("2026-12-06T10:00:00Z")));
    private static final InboundEvent<WarningLifted> LIFTED = event(new WarningLifted("c1", "w1", "over",
            Instant.parse("2026-12-06T11:00:00Z")));

    private static <T extends GongzhiEvent> InboundEvent<T> event(T data) {
        return new InboundEvent<>("ev-" + data.aggregateId(), EventType.of(data.getClass()), "test", data.aggregateId(),
                null, data);
    }

    private Function<InboundEvent<?>, Uni<Void>> record(String name) {
        return event -> Uni.createFrom().voidItem().invoke(() -> ran.add(name + ":" + event.data().aggregateId()));
    }

    private void apply(EventRoutes routes, InboundEvent<?> event) {
        routes.apply(event).await().atMost(PATIENCE);
    }

    @Test
    void severalEffectsOfOneTypeRunInTheOrderRegistered() {
        EventRoutes routes = EventRoutes.create()
                .on(RequestAcknowledged.class, record("board"))
                .on(RequestAcknowledged.class, record("notice"))
                .on(RequestAcknowledged.class, record("webhook"));

        apply(routes, ACKNOWLEDGED);

        assertEquals(List.of("board:r1", "notice:r1", "webhook:r1"), ran);
    }

    @Test
    void aTypeWithoutAnEffectPassesBy() {
        EventRoutes routes = EventRoutes.create().on(RequestAcknowledged.class, record("board"));

        apply(routes, LIFTED);

        assertEquals(List.of(), ran);
        assertTrue(routes.handles(EventType.REQUEST_ACKNOWLEDGED));
        assertFalse(routes.handles(EventType.WARNING_LIFTED));
        assertTrue(routes.route(EventType.WARNING_LIFTED).isEmpty());
    }

    @Test
    void anEffectForEveryTypeRunsWhereItWasRegistered() {
        EventRoutes routes = EventRoutes.create()
                .onEvery(record("log"))
                .on(RequestAcknowledged.class, record("board"));

        apply(routes, ACKNOWLEDGED);
        apply(routes, LIFTED);

        assertEquals(List.of("log:r1", "board:r1", "log:w1"), ran);
        for (EventType type : EventType.values()) {
            assertTrue(routes.handles(type), type.name());
        }
    }

    @Test
    void everyOtherTypeGetsTheFallbackAndTheOwnRoutesKeepTheirs() {
        EventRoutes routes = EventRoutes.create()
                .on(RequestAcknowledged.class, record("own"))
                .onEveryOther(record("other"));

        apply(routes, ACKNOWLEDGED);
        apply(routes, LIFTED);

        assertEquals(List.of("own:r1", "other:w1"), ran);
    }

    @Test
    void routesJoinedRunPartAfterPartAndFinishEachTransactionInOrder() {
        EventRoutes board = EventRoutes.create().on(RequestAcknowledged.class, record("board"))
                .beforeCommit(() -> Uni.createFrom().voidItem().invoke(() -> ran.add("board:commit")));
        EventRoutes webhooks = EventRoutes.create().on(WarningLifted.class, record("webhook-lifted"))
                .onEveryOther(record("webhook"));
        EventRoutes all = EventRoutes.create().onEvery(record("log"))
                .then(board)
                .then(webhooks)
                .beforeCommit(() -> Uni.createFrom().voidItem().invoke(() -> ran.add("log:commit")));

        apply(all, ACKNOWLEDGED);
        apply(all, LIFTED);
        all.finishTransaction().await().atMost(PATIENCE);

        assertEquals(List.of("log:r1", "board:r1", "webhook:r1", "log:w1", "webhook-lifted:w1", "board:commit",
                "log:commit"), ran);
    }

    @Test
    void aFailingEffectStopsTheLaterOnes() {
        EventRoutes routes = EventRoutes.create()
                .on(RequestAcknowledged.class, record("board"))
                .on(RequestAcknowledged.class, event -> Uni.createFrom().failure(new IllegalStateException("no")))
                .on(RequestAcknowledged.class, record("webhook"));

        Uni<Void> applied = routes.apply(ACKNOWLEDGED);

        assertEquals("no", assertThrows(IllegalStateException.class,
                () -> applied.await().atMost(PATIENCE)).getMessage());
        assertEquals(List.of("board:r1"), ran);
    }
}
