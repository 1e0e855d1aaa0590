package org.gongzhi.alliance.task;

import java.time.Instant;
import java.util.UUID;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;

/** A task as the API shows it. */
public record TaskView(UUID id, String requestId, String organisationId, String organisationName, TaskRole role,
        int round, TaskStatus status, String category, String building, Instant acknowledgeBy, Instant completeBy,
        Instant assignedAt, Instant acknowledgedAt, Instant completedAt, int escalationLevel, boolean overdue,
        String note) {

    public static TaskView of(Task t) {
        return new TaskView(t.id, t.requestId, t.organisationId, t.organisationName, t.role, t.round, t.status,
                t.category, t.building, t.acknowledgeBy, t.completeBy, t.assignedAt, t.acknowledgedAt,
                t.completedAt, t.escalationLevel, t.overdue, t.note);
    }
}
