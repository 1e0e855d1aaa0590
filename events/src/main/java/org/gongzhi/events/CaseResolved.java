package org.gongzhi.events;

import java.time.Instant;

/** Every non-cancelled alliance task of a request is completed: the alliance track is done. */
public record CaseResolved(
        String communityId,
        String requestId,
        int tasks,
        Instant resolvedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
