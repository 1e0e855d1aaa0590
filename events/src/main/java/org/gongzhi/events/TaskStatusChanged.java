package org.gongzhi.events;

import java.time.Instant;

/**
 * A task was acknowledged, progressed, completed, declined or cancelled. {@code status} and {@code role} are a
 * {@link TaskStatus} and a {@link TaskRole} as published ({@link #taskStatus()} and {@link #taskRole()} read them).
 */
public record TaskStatusChanged(
        String communityId,
        String taskId,
        String requestId,
        String organisationId,
        String role,
        String status,
        String note,
        Instant changedAt) implements GongzhiEvent {

    /** A change given with the vocabulary's types. */
    public TaskStatusChanged(String communityId, String taskId, String requestId, String organisationId,
            TaskRole role, TaskStatus status, String note, Instant changedAt) {
        this(communityId, taskId, requestId, organisationId, role == null ? null : role.wire(), status.wire(), note,
                changedAt);
    }

    /** Where the task stands now; {@link TaskStatus#UNKNOWN} for a status a newer alliance publishes. */
    public TaskStatus taskStatus() {
        return TaskStatus.of(status);
    }

    /** The party's part, when given; {@link TaskRole#UNKNOWN} for a role a newer alliance publishes. */
    public TaskRole taskRole() {
        return TaskRole.of(role);
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
