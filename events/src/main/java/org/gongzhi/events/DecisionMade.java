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

    /** The lists are copied: an event is a value, not a view of its producer's collections. */
    public DecisionMade {
        linkedRequestIds = linkedRequestIds == null ? List.of() : List.copyOf(linkedRequestIds);
        residentIds = residentIds == null ? List.of() : List.copyOf(residentIds);
    }

    @Override
    public String aggregateId() {
        return topicId;
    }
}
