package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/** The deliberation hall decided a topic; linked requests resume and their residents are told. */
public record DecisionMade(
        String communityId,
        String topicId,
        String title,
        String outcome,
        List<String> linkedRequestIds,
        Instant decidedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return topicId;
    }
}
