package org.gongzhi.alliance.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The progress guards of a task: which step may follow which, and what a step records. */
class TaskStepsTest {
    private static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");

    private static Task task(TaskStatus status) {
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.status = status;
        return t;
    }

    @ParameterizedTest
    @CsvSource({
        "ASSIGNED, ACKNOWLEDGED, true", "ASSIGNED, IN_PROGRESS, true", "ASSIGNED, DECLINED, true",
        "ASSIGNED, CANCELLED, true", "ASSIGNED, COMPLETED, false", "ASSIGNED, ASSIGNED, false",
        "ACKNOWLEDGED, IN_PROGRESS, true", "ACKNOWLEDGED, COMPLETED, true", "ACKNOWLEDGED, DECLINED, true",
        "ACKNOWLEDGED, CANCELLED, true", "ACKNOWLEDGED, ACKNOWLEDGED, false",
        "IN_PROGRESS, IN_PROGRESS, true", "IN_PROGRESS, COMPLETED, true", "IN_PROGRESS, CANCELLED, true",
        "IN_PROGRESS, DECLINED, false", "IN_PROGRESS, ACKNOWLEDGED, false",
        "COMPLETED, CANCELLED, false", "COMPLETED, IN_PROGRESS, false",
        "DECLINED, ASSIGNED, false", "DECLINED, CANCELLED, false", "CANCELLED, ASSIGNED, false",
        "UNKNOWN, COMPLETED, false", "ASSIGNED, UNKNOWN, false"})
    void stepsFollowTheLifeOfATask(TaskStatus from, TaskStatus to, boolean allowed) {
        assertThat(Task.canStep(from, to)).isEqualTo(allowed);
    }

    @Test
    void aRefusedStepIsA409AndChangesNothing() {
        Task t = task(TaskStatus.COMPLETED);
        t.note = "done";

        assertThatThrownBy(() -> t.moveTo(TaskStatus.IN_PROGRESS, T0, "again"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("COMPLETED and cannot become IN_PROGRESS");
        assertThat(t.status).isEqualTo(TaskStatus.COMPLETED);
        assertThat(t.note).isEqualTo("done");
    }

    @Test
    void startingWorkCountsAsAcknowledgingOnceAndCompletingIsTimed() {
        Task t = task(TaskStatus.ASSIGNED);

        t.moveTo(TaskStatus.IN_PROGRESS, T0, "  on the way ");
        t.moveTo(TaskStatus.IN_PROGRESS, T0.plusSeconds(60), " ");
        t.moveTo(TaskStatus.COMPLETED, T0.plusSeconds(120), null);

        assertThat(t.acknowledgedAt).isEqualTo(T0);
        assertThat(t.completedAt).isEqualTo(T0.plusSeconds(120));
        assertThat(t.updatedAt).isEqualTo(T0.plusSeconds(120));
        assertThat(t.note).as("a blank note keeps the last one").isEqualTo("on the way");
    }
}
