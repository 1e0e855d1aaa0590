package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/** A matter was opened in the deliberation hall; requests linked to it wait for its decision. */
public record TopicOpened(
        String communityId,
        String topicId,
        String title,
        List<String> buildings,
        List<String> linkedRequestIds,
        Instant openedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return topicId;
    }
}
