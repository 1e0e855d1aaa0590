package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/** A vote of the deliberation hall opened: its question, options, rule and window. */
public record VoteOpened(
        String communityId,
        String topicId,
        String voteId,
        String question,
        String rule,
        List<String> options,
        int eligibleHouseholds,
        Instant opensAt,
        Instant closesAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return topicId;
    }
}
