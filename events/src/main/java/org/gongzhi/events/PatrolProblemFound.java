package org.gongzhi.events;

import java.time.Instant;

/**
 * A patrol found a problem at a risk point; request-service turns it into a request on the 'rounds' channel (one per
 * problemId), located at the risk point's {@code building} or its named place {@code riskPointPlace} (a code of the
 * estate registry); {@code place} is where at the risk point, in the patroller's words.
 */
public record PatrolProblemFound(
        String communityId,
        String warningId,
        String patrolId,
        String problemId,
        String riskPointId,
        String riskPointName,
        String building,
        String place,
        String riskPointPlace,
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
