package org.gongzhi.events;

import java.time.Instant;

/** An alliance member organisation was given a task on a request. */
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

    public static final String ROLE_LEAD = "LEAD";
    public static final String ROLE_SUPPORT = "SUPPORT";

    @Override
    public String aggregateId() {
        return requestId;
    }
}
