package org.gongzhi.notification.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.events.RequestAcknowledged;
import org.gongzhi.events.WarningLifted;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;
import org.junit.jupiter.api.Test;

/**
 * How the projections' own declarations become the consumer's routes and the rebuild's: in the order of their kinds,
 * whatever order they were found in; a rebuild replays the read models only and empties their tables.
 */
class ProjectionsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final InboundEvent<RequestAcknowledged> ACKNOWLEDGED = event(new RequestAcknowledged("c1", "r1",
            "WATER_LEAK", "5", "ASSIGNED", Instant.parse("2026-12-06T10:00:00Z")));
    private static final InboundEvent<WarningLifted> LIFTED = event(new WarningLifted("c1", "w1", "over",
            Instant.parse("2026-12-06T11:00:00Z")));

    private final List<String> ran = new ArrayList<>();

    private static <T extends GongzhiEvent> InboundEvent<T> event(T data) {
        return new InboundEvent<>("ev-" + data.aggregateId(), EventType.of(data.getClass()), "test",
                data.aggregateId(), null, data);
    }

    private Uni<Void> ran(String what) {
        return Uni.createFrom().voidItem().invoke(() -> ran.add(what));
    }

    /** A read model of requests: acknowledged requests only. */
    final class Requests implements Projection {
        @Override
        public Kind kind() {
            return Kind.READ_MODEL;
        }

        @Override
        public List<String> tables() {
            return List.of("request_board", "follow_up");
        }

        @Override
        public void register(EventRoutes routes) {
            routes.on(RequestAcknowledged.class, e -> ran("requests:" + e.data().requestId()));
        }
    }

    /** Another read model, sharing one table with the first. */
    final class Warnings implements Projection {
        @Override
        public Kind kind() {
            return Kind.READ_MODEL;
        }

        @Override
        public List<String> tables() {
            return List.of("warning_board", "request_board");
        }

        @Override
        public void register(EventRoutes routes) {
            routes.on(WarningLifted.class, e -> ran("warnings:" + e.data().warningId()));
        }
    }

    final class Notices implements Projection {
        @Override
        public Kind kind() {
            return Kind.NOTICE;
        }

        @Override
        public void register(EventRoutes routes) {
            routes.on(RequestAcknowledged.class, e -> ran("notices:" + e.data().requestId()));
        }
    }

    /** Every type: its fallback covers the types it has no route of its own for, not the other projections'. */
    final class Webhooks implements Projection {
        @Override
        public Kind kind() {
            return Kind.WEBHOOK;
        }

        @Override
        public void register(EventRoutes routes) {
            routes.on(WarningLifted.class, e -> ran("webhooks-lifted:" + e.data().warningId()))
                    .onEveryOther(e -> ran("webhooks:" + e.data().aggregateId()));
        }
    }

    private Projections found(Projection... inWhateverOrder) {
        return new Projections(List.of(inWhateverOrder));
    }

    @Test
    void effectsRunReadModelsFirstThenNoticesThenWebhooks() {
        Projections projections = found(new Webhooks(), new Notices(), new Warnings(), new Requests());
        EventRoutes routes = projections.routes();

        routes.apply(ACKNOWLEDGED).await().atMost(PATIENCE);
        routes.apply(LIFTED).await().atMost(PATIENCE);

        assertEquals(List.of("requests:r1", "notices:r1", "webhooks:r1", "warnings:w1", "webhooks-lifted:w1"), ran);
        assertEquals(List.of(Projection.Kind.READ_MODEL, Projection.Kind.READ_MODEL, Projection.Kind.NOTICE,
                Projection.Kind.WEBHOOK), projections.inOrder().stream().map(Projection::kind).toList());
    }

    @Test
    void aRebuildReplaysTheReadModelsOnlyAndEmptiesTheirTables() {
        Projections projections = found(new Webhooks(), new Notices(), new Warnings(), new Requests());
        EventRoutes replayed = projections.replayed();

        replayed.apply(ACKNOWLEDGED).await().atMost(PATIENCE);
        replayed.apply(LIFTED).await().atMost(PATIENCE);

        assertEquals(List.of("requests:r1", "warnings:w1"), ran);
        assertTrue(replayed.handles(EventType.REQUEST_ACKNOWLEDGED));
        assertFalse(replayed.handles(EventType.TASK_ASSIGNED), "only the webhooks take every type");
        assertEquals(List.of("request_board", "follow_up", "warning_board"), projections.replayedTables());
    }

    @Test
    void theOrderIsTheSameHoweverTheProjectionsWereFound() {
        List<String> one = found(new Requests(), new Warnings(), new Notices(), new Webhooks()).inOrder().stream()
                .map(p -> p.getClass().getSimpleName()).toList();
        List<String> other = found(new Webhooks(), new Warnings(), new Notices(), new Requests()).inOrder().stream()
                .map(p -> p.getClass().getSimpleName()).toList();

        assertEquals(List.of("Requests", "Warnings", "Notices", "Webhooks"), one);
        assertEquals(one, other);
    }
}
