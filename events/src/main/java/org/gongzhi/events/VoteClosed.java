package org.gongzhi.events;

import java.time.Instant;

/** A vote of the deliberation hall closed with its result (counts only: no household's choice). */
public record VoteClosed(
        String communityId,
        String topicId,
        String voteId,
        String rule,
        String outcome,
        String winningOption,
        int eligibleHouseholds,
        int participatingHouseholds,
        Instant closedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return topicId;
    }
}
