package org.gongzhi.request.lifecycle;

import java.time.Instant;
import java.util.UUID;

/** A request in a list. */
public record RequestSummary(UUID id, RequestStatus status, String category, String building, String unit,
        String place, String urgency, String channel, Instant createdAt, Instant resolveBy, boolean overdue) {

    static RequestSummary of(ResidentRequest r, Instant now) {
        return new RequestSummary(r.id, r.status, r.category, r.building, r.unit, r.place, r.urgency, r.channel,
                r.createdAt, r.resolveBy, r.status.isOpen() && r.resolveBy.isBefore(now));
    }
}
