package org.gongzhi.events;

import java.time.Instant;

/** A weather warning (rainstorm, wind, snow, heat; blue to red) is in force for a time window. */
public record WarningIssued(
        String communityId,
        String warningId,
        String type,
        String level,
        Instant from,
        Instant until,
        Instant issuedAt) implements GongzhiEvent {

    @Override
    public String aggregateId() {
        return warningId;
    }
}
