package org.gongzhi.events;

import java.time.Instant;

/** A return visit (回访) asked the resident whether the problem is solved and whether they are satisfied. */
public record FollowUpRecorded(
        String communityId,
        String requestId,
        String method,
        boolean solved,
        boolean satisfied,
        Instant visitedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
