package org.gongzhi.events;

import java.time.Instant;

/**
 * A volunteer found the job (a request's, or a visit's: {@code visitId}) needs a professional and handed it to a kind
 * of alliance member (handOverTo is an {@link OrganisationType}: PROPERTY_MANAGEMENT, POLICE, UTILITY,
 * COMMUNITY_OFFICE, ...); the alliance gives that party a lead task.
 */
public record VolunteerHandedOver(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        String category,
        String building,
        String handOverTo,
        String reason,
        Instant handedOverAt,
        String visitId,
        String warningId) implements VolunteeringEvent {

    /** A request's work handed over. */
    public VolunteerHandedOver(String communityId, String offerId, String requestId, String volunteerId,
            String category, String building, String handOverTo, String reason, Instant handedOverAt) {
        this(communityId, offerId, requestId, volunteerId, category, building, handOverTo, reason, handedOverAt, null,
                null);
    }
}
