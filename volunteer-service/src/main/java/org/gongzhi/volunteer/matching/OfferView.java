package org.gongzhi.volunteer.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An offer as its volunteer sees it: what and where, why they were asked, and how it stands: the latest progress
 * reported, the work done, or to whom (which kind of alliance party) and why it was handed over. A visit's place comes
 * as text (English) and in parts (building, unit, door); the reason likewise (text, and {@code why} in parts).
 */
public record OfferView(UUID id, String requestId, Matching.Kind kind, String category, String building,
        String place, String unit, String door, Instant deadline, Offer.Status status, int score, String reason,
        Ranking.Why why, Instant offeredAt, Instant expiresAt, Instant acceptedAt, String progressNote,
        Instant progressAt, Instant completedAt, BigDecimal hours, String handedOverTo, String handOverReason, Instant handedOverAt, Instant cancelledAt) {
    static OfferView of(Offer o, Matching m, VisitPlaces.Place place) {
        return new OfferView(o.id, o.requestId, m == null ? null : m.kind, m == null ? null : m.category,
                m == null ? null : m.building, place == null ? null : place.text(), place == null ? null : place.unit(),
                place == null ? null : place.door(), m == null ? null : m.deadline, o.status, o.score, o.reason,
                o.why(), o.offeredAt, o.expiresAt, o.acceptedAt, o.progressNote, o.progressAt, o.completedAt, o.hours,
                o.handedOverTo, o.status == Offer.Status.HANDED_OVER ? o.note : null, o.handedOverAt,
                o.cancelledAt);
    }
}
