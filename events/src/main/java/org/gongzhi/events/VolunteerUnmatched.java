package org.gongzhi.events;

import java.time.Instant;

/** No volunteer took the request in time: it falls back to the alliance, with the community office as lead. */
public record VolunteerUnmatched(
        String communityId,
        String requestId,
        String category,
        String building,
        String reason,
        Instant unmatchedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
