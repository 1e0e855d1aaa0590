package org.gongzhi.volunteer.household;

import java.time.Instant;
import java.util.UUID;

/** A flagged household as a worker sees it. */
public record HouseholdView(UUID id, String building, String unit, String door, String need, String note,
        Instant flaggedAt, String flaggedBy, boolean active) {
    static HouseholdView of(Household h) {
        return new HouseholdView(h.id, h.building, h.unit, h.door, h.need, h.note, h.flaggedAt, h.flaggedBy, h.active);
    }
}
