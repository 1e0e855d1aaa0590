package org.gongzhi.request.request;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The lifecycle of a request: the one state machine every change goes through. */
public enum RequestStatus {
    SUBMITTED, ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED, IN_DELIBERATION, WITHDRAWN, REJECTED;

    private static final Map<RequestStatus, Set<RequestStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, IN_DELIBERATION, WITHDRAWN, REJECTED),
            ACKNOWLEDGED, EnumSet.of(ASSIGNED, IN_PROGRESS, IN_DELIBERATION, WITHDRAWN, REJECTED),
            ASSIGNED, EnumSet.of(IN_PROGRESS, RESOLVED, IN_DELIBERATION, WITHDRAWN),
            IN_PROGRESS, EnumSet.of(RESOLVED, IN_DELIBERATION, WITHDRAWN),
            RESOLVED, EnumSet.of(CLOSED, REOPENED),
            REOPENED, EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED, IN_DELIBERATION, WITHDRAWN),
            IN_DELIBERATION, EnumSet.of(ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, WITHDRAWN, REJECTED, CLOSED),
            CLOSED, EnumSet.noneOf(RequestStatus.class),
            WITHDRAWN, EnumSet.noneOf(RequestStatus.class),
            REJECTED, EnumSet.noneOf(RequestStatus.class));

    public boolean canMoveTo(RequestStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Still waiting for something to be done (counts as open on the dashboard and for withdrawal). */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != WITHDRAWN && this != REJECTED;
    }
}
