package org.gongzhi.events;

import java.time.Instant;

/** A named place left the estate (no open request or risk point was at it); the last record of its key. */
public record PlaceRemoved(
        String communityId,
        String code,
        long version,
        Instant removedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return PlaceRegistered.key(communityId, code);
    }
}
