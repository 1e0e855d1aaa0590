package org.gongzhi.request.category;

import java.time.Duration;
import java.util.List;

/**
 * A kind of request: its handling tracks, default urgency, time limits (for a request not marked URGENT) and the
 * volunteer skill it needs. The catalogue's entries are data (table {@code category}), edited through the API.
 */
public record Category(String code, String nameZh, String nameEn, List<String> tracks, Urgency defaultUrgency,
        Duration respondWithin, Duration resolveWithin, String skill, long version) {

    /** The same category with a community's own time limits. */
    Category within(Duration respond, Duration resolve) {
        return new Category(code, nameZh, nameEn, tracks, defaultUrgency, respond, resolve, skill, version);
    }

    static Category of(CatalogueEntry e) {
        return new Category(e.code, e.nameZh, e.nameEn, List.of(e.tracks.split(",")), Urgency.valueOf(e.defaultUrgency),
                Duration.parse(e.respondWithin), Duration.parse(e.resolveWithin), e.skill, e.version);
    }
}
