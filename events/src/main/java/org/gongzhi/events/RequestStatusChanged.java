package org.gongzhi.events;

import java.time.Instant;

/**
 * A request moved from one status to another. {@code mergedInto} names the master request when a duplicate is merged
 * ({@code to} = MERGED) and is null otherwise (an un-merge moves it from MERGED back to the status it had).
 * {@code from} and {@code to} are {@link RequestStatus} values as published ({@link #fromStatus()}, {@link #toStatus()}).
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

    /** A change given with the vocabulary's type; {@code mergedInto} as in the canonical constructor. */
    public RequestStatusChanged(String communityId, String requestId, String category, String building,
            RequestStatus from, RequestStatus to, String reason, Instant changedAt, String mergedInto) {
        this(communityId, requestId, category, building, from == null ? null : from.wire(), to.wire(), reason,
                changedAt, mergedInto);
    }

    /** The status it had; {@link RequestStatus#UNKNOWN} for one a newer request-service publishes. */
    public RequestStatus fromStatus() {
        return RequestStatus.of(from);
    }

    /** The status it has now; {@link RequestStatus#UNKNOWN} for one a newer request-service publishes. */
    public RequestStatus toStatus() {
        return RequestStatus.of(to);
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
