package org.gongzhi.events;

import java.time.Instant;

/** A volunteer reported progress on the work of a request (or a visit, {@code visitId}) they accepted. */
public record VolunteerProgressed(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        String note,
        Instant progressedAt,
        String visitId,
        String warningId) implements VolunteeringEvent {

    /** Progress on a request's work. */
    public VolunteerProgressed(String communityId, String offerId, String requestId, String volunteerId, String note,
            Instant progressedAt) {
        this(communityId, offerId, requestId, volunteerId, note, progressedAt, null, null);
    }
}
