package org.gongzhi.alliance.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gongzhi.alliance.task.Task;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.junit.jupiter.api.Test;

/** The case's states, its resolution rule and its deadlines, with no database. */
class AllianceCaseTest {
    private static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");
    private static final Windows FALLBACK = new Windows(Duration.ofHours(2), Duration.ofDays(1));

    private static AllianceCase openCase() {
        return AllianceCase.open("hepingli", "r-1", "water-leak", "7",
                new Deadlines(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(24))), T0);
    }

    private static Task task(String party, TaskRole role, int round, TaskStatus status) {
        Task t = new Task();
        t.organisationId = party;
        t.role = role;
        t.round = round;
        t.status = status;
        return t;
    }

    @Test
    void opensInRoundOneWithTheDeadlinesGiven() {
        AllianceCase c = openCase();

        assertThat(c.status).isEqualTo(CaseStatus.OPEN);
        assertThat(c.round).isEqualTo(1);
        assertThat(c.openedAt).isEqualTo(T0);
        assertThat(c.deadlines()).isEqualTo(new Deadlines(T0.plus(Duration.ofHours(2)),
                T0.plus(Duration.ofHours(24))));
        assertThat(c.resolvedAt).isNull();
    }

    @Test
    void statusesKeepTheNamesStoredInTheColumn() {
        assertThat(CaseStatus.values()).extracting(Enum::name).containsExactly("OPEN", "RESOLVED", "CANCELLED");
    }

    @Test
    void anOpenCaseResolvesOrIsCancelledOnce() {
        AllianceCase resolved = openCase();
        resolved.resolve(T0.plusSeconds(60));
        assertThat(resolved.status).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolved.resolvedAt).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> resolved.resolve(T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RESOLVED and cannot be resolved");
        assertThatThrownBy(resolved::cancel).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(resolved::regroup).isInstanceOf(IllegalStateException.class);

        AllianceCase cancelled = openCase();
        cancelled.cancel();
        assertThat(cancelled.status).isEqualTo(CaseStatus.CANCELLED);
        assertThatThrownBy(cancelled::cancel).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cancelled.resolve(T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOpenCaseIsNotTakenUpAgain() {
        AllianceCase c = openCase();

        assertThatThrownBy(() -> c.takeUpAgain(T0, FALLBACK)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPEN and cannot be taken up again");
        assertThat(c.round).isEqualTo(1);
    }

    @Test
    void aNewRoundOpensNowWithFreshDeadlinesOfTheSameLength() {
        AllianceCase c = openCase();
        c.resolve(T0.plus(Duration.ofHours(5)));
        Instant later = T0.plus(Duration.ofDays(3));

        c.newRound(c.freshDeadlines(later, FALLBACK), later);

        assertThat(c.status).isEqualTo(CaseStatus.OPEN);
        assertThat(c.round).isEqualTo(2);
        assertThat(c.resolvedAt).isNull();
        assertThat(c.openedAt).isEqualTo(later);
        assertThat(c.deadlines()).isEqualTo(new Deadlines(later.plus(Duration.ofHours(2)),
                later.plus(Duration.ofHours(24))));
    }

    @Test
    void aCancelledCaseTakenUpAgainKeepsDeadlinesStillAheadAndRenewsPassedOnes() {
        AllianceCase c = openCase();
        c.cancel();
        Instant now = T0.plus(Duration.ofHours(3));

        c.takeUpAgain(now, FALLBACK);

        assertThat(c.status).isEqualTo(CaseStatus.OPEN);
        assertThat(c.round).isEqualTo(2);
        assertThat(c.openedAt).as("the round keeps its opening").isEqualTo(T0);
        assertThat(c.respondBy).as("passed: a fresh 2 h").isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(c.resolveBy).as("still ahead: kept").isEqualTo(T0.plus(Duration.ofHours(24)));
    }

    @Test
    void aRegroupStartsANewRoundOfTheOpenCase() {
        AllianceCase c = openCase();

        c.regroup();

        assertThat(c.round).isEqualTo(2);
        assertThat(c.status).isEqualTo(CaseStatus.OPEN);
        assertThat(c.deadlines()).isEqualTo(openCase().deadlines());
    }

    @Test
    void resolvesWhenEveryCountedTaskOfTheRoundIsCompleted() {
        AllianceCase c = openCase();
        List<Task> tasks = List.of(task("property", TaskRole.LEAD, 1, TaskStatus.COMPLETED),
                task("police", TaskRole.SUPPORT, 1, TaskStatus.DECLINED),
                task("utility", TaskRole.SUPPORT, 1, TaskStatus.CANCELLED),
                task("office", TaskRole.SUPPORT, 1, TaskStatus.COMPLETED));

        assertThat(c.counted(tasks)).extracting(t -> t.organisationId).containsExactly("property", "office");
        assertThat(c.resolveIfDone(tasks, T0.plusSeconds(9))).isTrue();
        assertThat(c.status).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.resolvedAt).isEqualTo(T0.plusSeconds(9));
        assertThat(c.resolveIfDone(tasks, T0.plusSeconds(10))).as("once").isFalse();
        assertThat(c.resolvedAt).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void doesNotResolveWhileAnyCountedTaskIsOpenOrNoneCounts() {
        AllianceCase c = openCase();

        assertThat(c.resolveIfDone(List.of(task("property", TaskRole.LEAD, 1, TaskStatus.COMPLETED),
                task("police", TaskRole.SUPPORT, 1, TaskStatus.IN_PROGRESS)), T0)).isFalse();
        assertThat(c.resolveIfDone(List.of(task("property", TaskRole.LEAD, 1, TaskStatus.DECLINED),
                task("police", TaskRole.SUPPORT, 1, TaskStatus.CANCELLED)), T0)).as("nothing counts").isFalse();
        assertThat(c.resolveIfDone(List.of(), T0)).isFalse();
        assertThat(c.status).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void onlyTheCurrentRoundCounts() {
        AllianceCase c = openCase();
        c.regroup();
        List<Task> tasks = List.of(task("property", TaskRole.LEAD, 1, TaskStatus.ASSIGNED),
                task("office", TaskRole.LEAD, 2, TaskStatus.COMPLETED));

        assertThat(c.resolveIfDone(tasks, T0)).isTrue();
    }

    @Test
    void theLeadOfTheRoundIsItsLatestLeadStillOnIt() {
        AllianceCase c = openCase();

        assertThat(c.leadOfRound(List.of(task("property", TaskRole.LEAD, 1, TaskStatus.DECLINED),
                task("police", TaskRole.LEAD, 1, TaskStatus.COMPLETED),
                task("utility", TaskRole.SUPPORT, 1, TaskStatus.COMPLETED)))).contains("police");
        assertThat(c.leadOfRound(List.of(task("property", TaskRole.LEAD, 1, TaskStatus.CANCELLED)))).isEmpty();
    }

    @Test
    void aNewcomerGetsAFreshAcknowledgeWindowAndTheRoundsCompletion() {
        AllianceCase c = openCase();
        Instant now = T0.plus(Duration.ofHours(1));

        assertThat(c.deadlinesForNewcomer(now, FALLBACK)).isEqualTo(new Deadlines(now.plus(Duration.ofHours(2)),
                T0.plus(Duration.ofHours(24))));
    }

    @Test
    void aNewcomerLateInTheRoundGetsAFullCompletionWindowAfterAcknowledging() {
        AllianceCase c = openCase();
        Instant now = T0.plus(Duration.ofHours(23));

        Deadlines d = c.deadlinesForNewcomer(now, FALLBACK);

        assertThat(d.acknowledgeBy()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(d.completeBy()).isEqualTo(d.acknowledgeBy().plus(Duration.ofDays(1)));
    }

    @Test
    void windowsFallBackWhereTheRoundHasNoDeadline() {
        AllianceCase c = AllianceCase.open("hepingli", "r-2", "noise", null, new Deadlines(null, null), T0);

        assertThat(c.windows(FALLBACK)).isEqualTo(FALLBACK);
        assertThat(Deadlines.from(T0, FALLBACK)).isEqualTo(new Deadlines(T0.plus(Duration.ofHours(2)),
                T0.plus(Duration.ofDays(1))));
    }
}
