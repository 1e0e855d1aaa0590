package org.gongzhi.events;

import java.time.Instant;

/** A volunteer was offered a request; the offer expires at {@code expiresAt}. */
public record VolunteerOffered(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        String reason,
        Instant expiresAt,
        Instant offeredAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
