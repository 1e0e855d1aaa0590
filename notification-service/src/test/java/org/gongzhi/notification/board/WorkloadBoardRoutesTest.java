package org.gongzhi.notification.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongzhi.events.EventType;
import org.gongzhi.events.WarningLifted;
import org.gongzhi.notification.projection.Projection;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;
import org.junit.jupiter.api.Test;

/** The workload board's routing alone, no broker and no database: which events it declares, and of what kind. */
class WorkloadBoardRoutesTest {

    @Test
    void handlesTheTasksAndTheVolunteerOffersAndNothingElse() {
        EventRoutes routes = EventRoutes.create();
        new WorkloadBoard().register(routes);

        Set<EventType> handled = Arrays.stream(EventType.values()).filter(routes::handles)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));

        assertEquals(EnumSet.of(EventType.TASK_ASSIGNED, EventType.TASK_STATUS_CHANGED,
                EventType.TASK_DEADLINE_CHANGED, EventType.TASK_ESCALATED, EventType.VOLUNTEER_OFFERED,
                EventType.VOLUNTEER_ACCEPTED, EventType.VOLUNTEER_COMPLETED, EventType.VOLUNTEER_UNMATCHED), handled);
    }

    @Test
    void isAReadModelARebuildEmptiesAndReplays() {
        WorkloadBoard board = new WorkloadBoard();

        assertEquals(Projection.Kind.READ_MODEL, board.kind());
        assertTrue(board.kind().replayed());
        assertEquals(List.of("task_board", "volunteer_board"), board.tables());
    }

    @Test
    void anEventItDoesNotHandlePassesByWithoutTouchingTheDatabase() {
        EventRoutes routes = EventRoutes.create();
        new WorkloadBoard().register(routes);

        // no Quarkus here: any statement would fail for want of a session
        routes.apply(new InboundEvent<>("ev-1", EventType.WARNING_LIFTED, "test", "w1", null,
                new WarningLifted("c1", "w1", "over", Instant.EPOCH))).await().atMost(Duration.ofSeconds(5));
    }
}
