package org.gongzhi.volunteer.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An offer as its volunteer sees it, with why they were asked. */
public record OfferView(UUID id, String requestId, Offer.Status status, int score, String reason, Instant offeredAt,
        Instant expiresAt, Instant completedAt, BigDecimal hours) {
    static OfferView of(Offer o) {
        return new OfferView(o.id, o.requestId, o.status, o.score, o.reason, o.offeredAt, o.expiresAt, o.completedAt,
                o.hours);
    }
}
