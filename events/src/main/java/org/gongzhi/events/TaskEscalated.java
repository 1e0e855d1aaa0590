package org.gongzhi.events;

import java.time.Instant;

/** A task missed a deadline and was escalated (1 backup contact, 2 community secretary, 3 joint "whistle" meeting). */
public record TaskEscalated(
        String communityId,
        String taskId,
        String requestId,
        String organisationId,
        int level,
        String reason,
        Instant escalatedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
