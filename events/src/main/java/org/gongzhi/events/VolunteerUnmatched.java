package org.gongzhi.events;

import java.time.Instant;

/**
 * No volunteer took the request in time (or a visit, {@code visitId}, was missed): it falls back to the alliance, with
 * the community office as lead.
 */
public record VolunteerUnmatched(
        String communityId,
        String requestId,
        String category,
        String building,
        String reason,
        Instant unmatchedAt,
        String visitId,
        String warningId) implements VolunteeringEvent {

    /** A request nobody took. */
    public VolunteerUnmatched(String communityId, String requestId, String category, String building, String reason,
            Instant unmatchedAt) {
        this(communityId, requestId, category, building, reason, unmatchedAt, null, null);
    }
}
