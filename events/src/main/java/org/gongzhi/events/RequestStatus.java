package org.gongzhi.events;

/**
 * A request's status as {@code request.status-changed} (and the status carried by {@code request.acknowledged} and
 * {@code request.recategorised}) publishes it. request-service's lifecycle decides which moves are allowed; this is
 * only the vocabulary. The wire name of each value is its constant's name.
 */
public enum RequestStatus {
    SUBMITTED, ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED, IN_DELIBERATION, WITHDRAWN, REJECTED,
    /** A duplicate merged into its master request ({@code mergedInto} names it). */
    MERGED,
    /** A status published by a newer request-service than this contract knows: readers keep the event, not the status. */
    UNKNOWN;

    /** The status a published value names; {@link #UNKNOWN} for one this version does not know, null for none. */
    public static RequestStatus of(String wire) {
        return Vocabulary.read(RequestStatus.class, wire, UNKNOWN);
    }

    /** A value asked for in a query parameter: a published name; anything else (UNKNOWN too) is refused. */
    public static RequestStatus fromString(String name) {
        return Vocabulary.parameter(RequestStatus.class, name, UNKNOWN);
    }

    /** As published; {@link #UNKNOWN} is never published. */
    public String wire() {
        return Vocabulary.write(this, UNKNOWN);
    }

    /** Over for good: nobody works on it any more (a CLOSED request reopens only as a new round, by its own event). */
    public boolean hasEnded() {
        return this == CLOSED || this == WITHDRAWN || this == REJECTED || this == MERGED;
    }
}
