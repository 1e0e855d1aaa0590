package org.gongzhi.events;

import java.time.Instant;

/**
 * A risk point (风险点) of the alliance and where it is: a building or a named place of the estate registry, never
 * both. Published by alliance-service on a compacted topic keyed by the risk point's id, so the registry knows what
 * stands at a building or place before it lets one go.
 */
public record RiskPointRegistered(
        String communityId,
        String id,
        String name,
        String building,
        String place,
        long version,
        Instant changedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return id;
    }
}
