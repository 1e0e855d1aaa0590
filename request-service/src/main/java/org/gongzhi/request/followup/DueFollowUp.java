package org.gongzhi.request.followup;

import java.time.Instant;
import java.util.UUID;

/** A resolved request waiting for its return visit. */
public record DueFollowUp(UUID requestId, String category, String building, String unit, String household,
        Instant resolvedAt, Instant dueAt, boolean overdue) {
}
