package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/** A return visit found the request unsolved or the resident unsatisfied: the tracks take it again. */
public record RequestReopened(
        String communityId,
        String requestId,
        String category,
        String building,
        List<String> tracks,
        String reason,
        Instant reopenedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
