package org.gongzhi.events;

import java.time.Instant;

/** A patrol found a problem at a risk point; request-service turns it into a request on the 'rounds' channel (one per problemId). */
public record PatrolProblemFound(
        String communityId,
        String warningId,
        String patrolId,
        String problemId,
        String riskPointId,
        String riskPointName,
        String building,
        String place,
        String category,
        String urgency,
        String description,
        String organisationId,
        Instant foundAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return warningId;
    }
}
