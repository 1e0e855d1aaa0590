package org.gongzhi.events;

import java.time.Instant;

/** A task was acknowledged, progressed, completed, declined or cancelled. */
public record TaskStatusChanged(
        String communityId,
        String taskId,
        String requestId,
        String organisationId,
        String role,
        String status,
        String note,
        Instant changedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
