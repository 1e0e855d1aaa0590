package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/**
 * A building of a community's estate as it now stands: its place on the estate's grid, its units and their
 * households. Published on every change, on a compacted topic keyed by {@link #key}: the latest record of a key is the
 * building, so a service that reads the topic from the start knows the whole estate. {@code version} grows with every
 * change of the building, so a consumer keeps the highest it has seen.
 */
public record BuildingRegistered(
        String communityId,
        String code,
        String name,
        int floors,
        int gridX,
        int gridY,
        List<Unit> units,
        long version,
        Instant changedAt) implements GongzhiEvent {

    /** A unit (单元) of the building with its households' door numbers. */
    public record Unit(String code, List<String> households) {
    }

    public static String key(String communityId, String code) {
        return communityId + "/" + code;
    }

    @Override
    public String aggregateId() {
        return key(communityId, code);
    }
}
