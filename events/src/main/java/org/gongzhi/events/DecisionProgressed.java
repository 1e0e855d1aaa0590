package org.gongzhi.events;

import java.time.Instant;

/** An action item of a decision was done (or added): how many of the decision's action items are done so far. */
public record DecisionProgressed(
        String communityId,
        String topicId,
        String title,
        int actionItemsTotal,
        int actionItemsDone,
        Instant progressedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return topicId;
    }
}
