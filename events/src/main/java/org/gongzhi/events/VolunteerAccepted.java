package org.gongzhi.events;

import java.time.Instant;

/** A volunteer accepted an offer and now holds the request's volunteer task, or the visit ({@code visitId}). */
public record VolunteerAccepted(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        Instant acceptedAt,
        String visitId,
        String warningId) implements VolunteeringEvent {

    /** A request's work accepted. */
    public VolunteerAccepted(String communityId, String offerId, String requestId, String volunteerId,
            Instant acceptedAt) {
        this(communityId, offerId, requestId, volunteerId, acceptedAt, null, null);
    }
}
