package org.gongzhi.events;

import java.time.Instant;

/**
 * A volunteer was offered a request, or a check-on-neighbour visit ({@code visitId}, {@code warningId}); the offer
 * expires at {@code expiresAt}.
 */
public record VolunteerOffered(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        String reason,
        Instant expiresAt,
        Instant offeredAt,
        String visitId,
        String warningId) implements VolunteeringEvent {

    /** An offer of a request's work. */
    public VolunteerOffered(String communityId, String offerId, String requestId, String volunteerId, String reason,
            Instant expiresAt, Instant offeredAt) {
        this(communityId, offerId, requestId, volunteerId, reason, expiresAt, offeredAt, null, null);
    }
}
