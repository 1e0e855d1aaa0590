package org.gongzhi.events;

import java.time.Instant;

/** A weather warning was lifted before or at the end of its window: open patrols and visits for it are no longer needed. */
public record WarningLifted(
        String communityId,
        String warningId,
        String reason,
        Instant liftedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return warningId;
    }
}
