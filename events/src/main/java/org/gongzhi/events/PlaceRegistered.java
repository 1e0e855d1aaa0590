package org.gongzhi.events;

import java.time.Instant;

/**
 * A named place of a community's estate (小区东门, 北广场) as it now stands: somewhere a request or a risk point
 * may be that is not a building. Published on every change, on a compacted topic keyed by {@link #key}; {@code version} grows
 * with every change of the place, so a consumer keeps the highest it has seen.
 */
public record PlaceRegistered(
        String communityId,
        String code,
        String name,
        String nameEn,
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
