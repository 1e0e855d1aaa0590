package org.gongzhi.events;

import java.util.Optional;

/**
 * An event of the volunteering topic: about a resident's request, or about a check-on-neighbour visit during a
 * warning. A visit's events carry {@code visitId} and {@code warningId}; for readers of v1 written before those fields
 * their {@code requestId} still repeats the visit id (deprecated for visits: it is not a request's id).
 */
public interface VolunteeringEvent extends GongzhiEvent {
    /** The request the work is for; for a visit, the visit id again (see the interface's note). */
    String requestId();

    /** The visit this event is about, or null when it is about a request. */
    String visitId();

    /** The warning that sent the visit, or null when it is about a request. */
    String warningId();

    /**
     * The visit this event is about, if it is one: its own field, or, in an event published before that field, a
     * request id of a visit's form.
     */
    default Optional<VisitId> visit() {
        return visitId() != null ? Optional.of(new VisitId(visitId())) : VisitId.inRequestId(requestId());
    }

    /** The key: the visit for a visit's events, else the request, so either one's events stay in order. */
    @Override
    default String aggregateId() {
        return visitId() != null ? visitId() : requestId();
    }
}
