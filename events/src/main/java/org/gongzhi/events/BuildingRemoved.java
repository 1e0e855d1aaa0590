package org.gongzhi.events;

import java.time.Instant;

/** A building left the estate (it had no open request); the last record of its key on the compacted topic. */
public record BuildingRemoved(
        String communityId,
        String code,
        long version,
        Instant removedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return BuildingRegistered.key(communityId, code);
    }
}
