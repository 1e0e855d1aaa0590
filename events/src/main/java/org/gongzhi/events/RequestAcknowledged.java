package org.gongzhi.events;

import java.time.Instant;

/**
 * A worker's first response to a request that had already moved on (e.g. routed to the alliance milliseconds after
 * intake): the response is recorded without moving its status back. A request still SUBMITTED is acknowledged by a
 * {@code request.status-changed} to ACKNOWLEDGED instead.
 */
public record RequestAcknowledged(
        String communityId,
        String requestId,
        String category,
        String building,
        String status,
        Instant acknowledgedAt) implements GongzhiEvent {

    /** The request's status at the time, as a {@link RequestStatus}. */
    public RequestStatus requestStatus() {
        return RequestStatus.of(status);
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
