package org.gongzhi.events;

import java.time.Instant;

/** A party reported checkpoints of its patrol of a risk point under a warning; the counts are the patrol's totals so far. */
public record PatrolChecked(
        String communityId,
        String warningId,
        String patrolId,
        String riskPointId,
        String riskPointName,
        String organisationId,
        String building,
        int checkpointsDone,
        int checkpointsTotal,
        int problemsFound,
        Instant checkedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return warningId;
    }
}
