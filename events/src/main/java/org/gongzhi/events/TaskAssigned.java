package org.gongzhi.events;

import java.time.Instant;

/**
 * An alliance member organisation was given a task on a request. {@code role} is a {@link TaskRole} as published
 * ({@link #taskRole()} reads it).
 */
public record TaskAssigned(
        String communityId,
        String taskId,
        String requestId,
        String organisationId,
        String organisationName,
        String role,
        String category,
        String building,
        Instant acknowledgeBy,
        Instant completeBy,
        Instant assignedAt) implements GongzhiEvent {

    /** A task given with the role as a {@link TaskRole}. */
    public TaskAssigned(String communityId, String taskId, String requestId, String organisationId,
            String organisationName, TaskRole role, String category, String building, Instant acknowledgeBy,
            Instant completeBy, Instant assignedAt) {
        this(communityId, taskId, requestId, organisationId, organisationName, role.wire(), category, building,
                acknowledgeBy, completeBy, assignedAt);
    }

    /** The party's part; {@link TaskRole#UNKNOWN} for a role a newer alliance publishes. */
    public TaskRole taskRole() {
        return TaskRole.of(role);
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
