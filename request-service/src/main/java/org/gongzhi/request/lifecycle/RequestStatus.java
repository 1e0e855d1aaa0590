package org.gongzhi.request.lifecycle;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a request: the one state machine every change goes through. MERGED ends a duplicate (merged into
 * its master from any open state); only a worker's un-merge the same day brings it back, to the status it had
 * ({@link StatusChanges#unmerge}), never an event of its tracks.
 */
public enum RequestStatus {
    SUBMITTED, ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED, IN_DELIBERATION, WITHDRAWN, REJECTED,
    MERGED;

    private static final Map<RequestStatus, Set<RequestStatus>> NEXT = Map.ofEntries(
            Map.entry(SUBMITTED, EnumSet.of(ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, IN_DELIBERATION, WITHDRAWN, REJECTED,
                    MERGED)),
            Map.entry(ACKNOWLEDGED, EnumSet.of(ASSIGNED, IN_PROGRESS, IN_DELIBERATION, WITHDRAWN, REJECTED, MERGED)),
            // rejecting an assigned request is allowed only while no party has started: LifecycleService checks
            Map.entry(ASSIGNED, EnumSet.of(IN_PROGRESS, RESOLVED, IN_DELIBERATION, WITHDRAWN, REJECTED, MERGED)),
            Map.entry(IN_PROGRESS, EnumSet.of(RESOLVED, IN_DELIBERATION, WITHDRAWN, MERGED)),
            Map.entry(RESOLVED, EnumSet.of(CLOSED, REOPENED)),
            Map.entry(REOPENED, EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED, IN_DELIBERATION, WITHDRAWN, MERGED)),
            Map.entry(IN_DELIBERATION, EnumSet.of(ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, WITHDRAWN, REJECTED, CLOSED,
                    MERGED)),
            Map.entry(CLOSED, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(REJECTED, EnumSet.noneOf(RequestStatus.class)),
            Map.entry(MERGED, EnumSet.noneOf(RequestStatus.class)));

    /** The same status as the events publish it (the vocabulary in {@code events}); every one of these has one. */
    public org.gongzhi.events.RequestStatus published() {
        return org.gongzhi.events.RequestStatus.valueOf(name());
    }

    public boolean canMoveTo(RequestStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Still waiting for something to be done (counts as open on the dashboard and for withdrawal). */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != WITHDRAWN && this != REJECTED && this != MERGED;
    }
}
