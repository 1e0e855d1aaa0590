package org.gongzhi.events;

import java.time.Instant;

/** A request moved from one status to another. */
public record RequestStatusChanged(
        String communityId,
        String requestId,
        String category,
        String building,
        String from,
        String to,
        String reason,
        Instant changedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
