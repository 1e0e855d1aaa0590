package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/**
 * The deliberation hall decided a topic; linked requests resume. {@code residentIds}: everyone to tell (who voted,
 * whose request was linked), as pseudonymous account ids.
 */
public record DecisionMade(
        String communityId,
        String topicId,
        String title,
        String outcome,
        List<String> linkedRequestIds,
        List<String> residentIds,
        Instant decidedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return topicId;
    }
}
