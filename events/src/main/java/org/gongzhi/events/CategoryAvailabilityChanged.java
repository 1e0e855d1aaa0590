package org.gongzhi.events;

import java.time.Instant;

/**
 * Whether a category of the catalogue is withdrawn from one community ({@code withdrawn} true: its requests, routing
 * rules and volunteers' skills no longer name it there) or taken back. Published on every change, on the categories'
 * compacted topic keyed by {@link #key} (beside {@link CategoryDefined}, keyed by the code alone); {@code version} grows
 * with every change of that community's choice, so a consumer keeps the highest it has seen.
 */
public record CategoryAvailabilityChanged(
        String communityId,
        String code,
        boolean withdrawn,
        long version,
        Instant changedAt) implements GongzhiEvent {

    public static String key(String communityId, String code) {
        return communityId + "/" + code;
    }

    @Override
    public String aggregateId() {
        return key(communityId, code);
    }
}
