package org.gongzhi.events;

import java.time.Instant;

/** A volunteer found the job needs a professional and handed it to a kind of alliance member (handOverTo is an organisation type: PROPERTY_MANAGEMENT, POLICE, UTILITY, COMMUNITY_OFFICE, ...); the alliance gives that party a lead task. */
public record VolunteerHandedOver(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        String category,
        String building,
        String handOverTo,
        String reason,
        Instant handedOverAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
