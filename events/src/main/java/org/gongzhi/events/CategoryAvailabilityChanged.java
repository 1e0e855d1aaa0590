package org.gongzhi.events;

import java.time.Instant;

/**
 * One community's choice of a category of the catalogue: whether it is withdrawn there ({@code withdrawn} true: its
 * requests, routing rules and volunteers' skills no longer name it there) or offered, and the community's own time
 * limits for it ({@code respondWithin}, {@code resolveWithin}: ISO-8601 durations for a request not marked URGENT; null
 * where the community keeps the catalogue's). Published on every change, on the categories' compacted topic keyed by
 * {@link #key} (beside {@link CategoryDefined}, keyed by the code alone); {@code version} grows with every change of
 * that community's choice, so a consumer keeps the highest it has seen.
 */
public record CategoryAvailabilityChanged(
        String communityId,
        String code,
        boolean withdrawn,
        String respondWithin,
        String resolveWithin,
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
