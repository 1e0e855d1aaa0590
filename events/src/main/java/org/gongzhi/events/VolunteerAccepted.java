package org.gongzhi.events;

import java.time.Instant;

/** A volunteer accepted an offer and now holds the request's volunteer task. */
public record VolunteerAccepted(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        Instant acceptedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
