package org.gongzhi.events;

import java.math.BigDecimal;
import java.time.Instant;

/** A volunteer finished the work of a request and logged hours. */
public record VolunteerCompleted(
        String communityId,
        String offerId,
        String requestId,
        String volunteerId,
        BigDecimal hours,
        Instant completedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
