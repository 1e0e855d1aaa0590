package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/**
 * A category of the catalogue as it now stands: its names, handling tracks, default urgency, time limits (ISO-8601
 * durations, for a request not marked URGENT) and the volunteer skill it needs (VOLUNTEERS track). Published on every
 * change, on a compacted topic keyed by the code; the catalogue serves every community of the deployment, so
 * {@code communityId} is {@link #EVERY_COMMUNITY}; a community that withdraws a category says so in a
 * {@link CategoryAvailabilityChanged}. {@code version} grows with every change of the category.
 */
public record CategoryDefined(
        String communityId,
        String code,
        String nameZh,
        String nameEn,
        List<String> tracks,
        String defaultUrgency,
        String respondWithin,
        String resolveWithin,
        String skill,
        long version,
        Instant definedAt) implements GongzhiEvent {

    public static final String EVERY_COMMUNITY = "*";

    @Override
    public String aggregateId() {
        return code;
    }
}
