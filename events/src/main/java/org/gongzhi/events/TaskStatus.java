package org.gongzhi.events;

/**
 * Where an alliance task stands, as {@code task.status-changed} publishes it (a new task is ASSIGNED). The wire name of
 * each value is its constant's name; {@link #of} reads one.
 */
public enum TaskStatus {
    ASSIGNED, ACKNOWLEDGED, IN_PROGRESS, COMPLETED, DECLINED, CANCELLED,
    /** A status published by a newer alliance than this contract knows: readers keep the event, not the status. */
    UNKNOWN;

    /** The status a published value names; {@link #UNKNOWN} for one this version does not know, null for none. */
    public static TaskStatus of(String wire) {
        return Vocabulary.read(TaskStatus.class, wire, UNKNOWN);
    }

    /** A value asked for in a query parameter: a published name; anything else (UNKNOWN too) is refused. */
    public static TaskStatus fromString(String name) {
        return Vocabulary.parameter(TaskStatus.class, name, UNKNOWN);
    }

    /** As published; {@link #UNKNOWN} is never published. */
    public String wire() {
        return Vocabulary.write(this, UNKNOWN);
    }

    /** Still the party's to do: not completed, declined or cancelled. */
    public boolean isOpen() {
        return this != COMPLETED && this != DECLINED && this != CANCELLED;
    }

    /** The party acted on it: a request's first response, when nothing came before. */
    public boolean isResponse() {
        return this == ACKNOWLEDGED || this == IN_PROGRESS || this == COMPLETED;
    }
}
