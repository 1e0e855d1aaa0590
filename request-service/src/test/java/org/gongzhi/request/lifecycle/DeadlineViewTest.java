package org.gongzhi.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.junit.jupiter.api.Test;

/** Which deadline is next, and when a request is late, why: the rules on their own. */
class DeadlineViewTest {
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");   // 09:00 Beijing time

    private static ResidentRequest request(RequestStatus status) {
        ResidentRequest r = new ResidentRequest();
        r.id = UUID.randomUUID();
        r.status = status;
        r.tracks = "ALLIANCE";
        r.createdAt = T0;
        r.respondBy = T0.plus(Duration.ofHours(2));
        r.resolveBy = T0.plus(Duration.ofHours(24));
        return r;
    }

    private static TrackTask task(String org, TaskRole role, TaskStatus status, Instant ackBy, Instant completeBy) {
        TrackTask t = new TrackTask();
        t.taskId = "t-" + org;
        t.organisationId = org;
        t.organisationName = org.equals("property") ? "和平物业" : null;
        t.role = role;
        t.status = status;
        t.acknowledgeBy = ackBy;
        t.completeBy = completeBy;
        return t;
    }

    @Test
    void aRequestInTheHallOrDoneHasNoDeadline() {
        assertThat(DeadlineView.of(request(RequestStatus.IN_DELIBERATION), List.of(), List.of(), T0)).isNull();
        assertThat(DeadlineView.of(request(RequestStatus.RESOLVED), List.of(), List.of(), T0.plus(Duration.ofDays(3))))
                .isNull();
    }

    @Test
    void everyMissedDeadlineIsNamedAndTheEarliestSaysSinceWhen() {
        ResidentRequest r = request(RequestStatus.ASSIGNED);
        TrackTask lead = task("property", TaskRole.LEAD, TaskStatus.ASSIGNED, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(20)));
        TrackTask support = task("police", TaskRole.SUPPORT, TaskStatus.ASSIGNED, T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(20)));
        DeadlineView v = DeadlineView.of(r, List.of(support, lead), List.of(), T0.plus(Duration.ofHours(4)));

        assertThat(v.late()).isTrue();
        assertThat(v.lateSince()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(v.missed()).containsExactly("和平物业 was to confirm the task by 12-01 10:00",
                "no response yet: a first response was due by 12-01 11:00",
                "police was to confirm the task by 12-01 12:00");
        assertThat(v.lead()).isEqualTo("和平物业");
        assertThat(v.next()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(v.explanation()).startsWith("Late since 12-01 10:00: 和平物业 was to confirm")
                .endsWith("Next deadline: 和平物业 to confirm it has taken the task by 12-01 10:00 (passed).");
    }

    @Test
    void anEscalationMakesItLateAndAMoveSetsTheNextDeadline() {
        ResidentRequest r = request(RequestStatus.IN_PROGRESS);
        r.respondedAt = T0.plus(Duration.ofMinutes(30));
        TrackTask lead = task("property", TaskRole.LEAD, TaskStatus.IN_PROGRESS, T0.plus(Duration.ofHours(1)),
                T0.plus(Duration.ofHours(72)));
        lead.escalationLevel = 3;
        lead.escalatedAt = T0.plus(Duration.ofHours(5));
        lead.escalationReason = "not acknowledged by …; joint meeting convened";
        DeadlineMove move = new DeadlineMove();
        move.changedAt = T0.plus(Duration.ofHours(6));
        move.organisationId = "property";
        move.completeBy = T0.plus(Duration.ofHours(72));
        move.reason = "waiting for a spare valve";
        DeadlineView v = DeadlineView.of(r, List.of(lead), List.of(move), T0.plus(Duration.ofHours(7)));

        assertThat(v.late()).isTrue();
        assertThat(v.missed()).isEmpty();
        assertThat(v.lateSince()).isEqualTo(T0.plus(Duration.ofHours(5)));
        assertThat(v.escalationLevel()).isEqualTo(3);
        assertThat(v.escalation()).contains("吹哨报到");
        assertThat(v.next()).isEqualTo(T0.plus(Duration.ofHours(72)));
        assertThat(v.moves()).singleElement().satisfies(m -> assertThat(m.reason()).isEqualTo("waiting for a spare valve"));
        assertThat(v.explanation()).contains("Deadline moved once, last on 12-01 15:00 to 12-04 09:00: "
                + "waiting for a spare valve.");
    }
}
