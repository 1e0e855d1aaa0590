package org.gongzhi.events;

import java.math.BigDecimal;
import java.time.Instant;

/** A volunteer finished the work of a request (or a visit, {@code visitId}) and logged hours. */
public record VolunteerCompleted(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        BigDecimal hours,
        Instant completedAt,
        String visitId,
        String warningId) implements VolunteeringEvent {

    /** A request's work done. */
    public VolunteerCompleted(String communityId, String offerId, String requestId, String volunteerId,
            BigDecimal hours, Instant completedAt) {
        this(communityId, offerId, requestId, volunteerId, hours, completedAt, null, null);
    }
}
