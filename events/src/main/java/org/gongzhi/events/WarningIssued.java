package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/**
 * A weather warning (rainstorm, wind, snow, heat; blue to red) is in force for a time window. {@code onDuty}: the
 * partner contacts on duty when it was issued, who must hear of it (names and ids only, never a phone number).
 */
public record WarningIssued(
        String communityId,
        String warningId,
        String type,
        String level,
        Instant from,
        Instant until,
        Instant issuedAt,
        List<OnDuty> onDuty) implements GongzhiEvent {

    /** A partner contact on duty: the organisation and the person. */
    public record OnDuty(String organisationId, String organisationName, String contactId, String contactName,
            String shift) {
    }

    public WarningIssued {
        onDuty = onDuty == null ? List.of() : List.copyOf(onDuty);
    }

    public WarningIssued(String communityId, String warningId, String type, String level, Instant from, Instant until,
            Instant issuedAt) {
        this(communityId, warningId, type, level, from, until, issuedAt, List.of());
    }

    @Override
    public String aggregateId() {
        return warningId;
    }
}
