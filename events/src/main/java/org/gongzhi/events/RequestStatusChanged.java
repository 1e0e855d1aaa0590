package org.gongzhi.events;

import java.time.Instant;

/**
 * A request moved from one status to another. {@code mergedInto} names the master request when a duplicate is merged
 * ({@code to} = MERGED) and is null otherwise (an un-merge moves it from MERGED back to the status it had).
 */
public record RequestStatusChanged(
        String communityId,
        String requestId,
        String category,
        String building,
        String from,
        String to,
        String reason,
        Instant changedAt,
        String mergedInto) implements GongzhiEvent {

    /** A change that is not a merge. */
    public RequestStatusChanged(String communityId, String requestId, String category, String building, String from,
            String to, String reason, Instant changedAt) {
        this(communityId, requestId, category, building, from, to, reason, changedAt, null);
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
