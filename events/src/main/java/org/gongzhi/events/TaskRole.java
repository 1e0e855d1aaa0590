package org.gongzhi.events;

/**
 * A party's part in a request's work, as {@code task.assigned} and {@code task.status-changed} publish it: the lead
 * party (牵头单位) or a supporting one (协办单位). The wire name of each value is its constant's name.
 */
public enum TaskRole {
    LEAD, SUPPORT,
    /** A role published by a newer alliance than this contract knows: readers take it as not the lead. */
    UNKNOWN;

    /** The role a published value names; {@link #UNKNOWN} for one this version does not know, null for none. */
    public static TaskRole of(String wire) {
        return Vocabulary.read(TaskRole.class, wire, UNKNOWN);
    }

    /** A value asked for in a query parameter: a published name; anything else (UNKNOWN too) is refused. */
    public static TaskRole fromString(String name) {
        return Vocabulary.parameter(TaskRole.class, name, UNKNOWN);
    }

    /** As published; {@link #UNKNOWN} is never published. */
    public String wire() {
        return Vocabulary.write(this, UNKNOWN);
    }
}
