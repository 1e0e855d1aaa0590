package org.gongzhi.events;

import java.time.Instant;

/** A volunteer reported progress on the work of a request they accepted. */
public record VolunteerProgressed(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        String note,
        Instant progressedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
