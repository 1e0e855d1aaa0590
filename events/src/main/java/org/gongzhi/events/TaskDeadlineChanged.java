package org.gongzhi.events;

import java.time.Instant;

/** A worker moved a task's deadlines, with a reason. */
public record TaskDeadlineChanged(
        String communityId,
        String taskId,
        String requestId,
        String organisationId,
        Instant acknowledgeBy,
        Instant completeBy,
        String reason,
        Instant changedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
