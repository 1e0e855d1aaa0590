package org.gongzhi.events;

import java.util.Objects;
import java.util.Optional;

/**
 * The id of a check-on-neighbour visit: volunteer-service sends one to each flagged household when a weather warning
 * is issued. It is not a request id; no request-service request has it. The events of the volunteering topic carry it
 * in {@code visitId} (with the warning's id in {@code warningId}); events published before those fields existed
 * carried it in {@code requestId}, which {@link #inRequestId} recognises.
 */
public record VisitId(String value) {
    private static final String PREFIX = "visit-";

    public VisitId {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX) || value.length() == PREFIX.length()) {
            throw new IllegalArgumentException("a visit id starts with '" + PREFIX + "': " + value);
        }
    }

    /** The visit a warning sends to a household: one per warning and household, so a redelivery makes none twice. */
    public static VisitId of(String warningId, String householdId) {
        return new VisitId(PREFIX + warningId + "-" + householdId);
    }

    /** A visit's id found where a request id is expected (volunteering events before {@code visitId}, tasks on a missed visit). */
    public static Optional<VisitId> inRequestId(String requestId) {
        return requestId != null && requestId.startsWith(PREFIX) && requestId.length() > PREFIX.length()
                ? Optional.of(new VisitId(requestId)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
