package org.gongzhi.events;

/**
 * Reads a published value as one of a vocabulary's constants. A value this version of the contract does not know (one
 * a newer producer publishes) reads as the vocabulary's {@code UNKNOWN}, so a reader keeps the rest of the event.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    static <E extends Enum<E>> E read(Class<E> type, String wire, E unknown) {
        if (wire == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value != unknown && value.name().equals(wire)) {
                return value;
            }
        }
        return unknown;
    }

    /**
     * A value asked for in a query (JAX-RS reads an enum parameter with its {@code fromString}): a name this version
     * publishes. {@code UNKNOWN} is not one to ask for, so it is refused like any other name the vocabulary lacks.
     */
    static <E extends Enum<E>> E parameter(Class<E> type, String name, E unknown) {
        for (E value : type.getEnumConstants()) {
            if (value != unknown && value.name().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("No enum constant " + type.getName() + "." + name);
    }

    static <E extends Enum<E>> String write(E value, E unknown) {
        if (value == unknown) {
            throw new IllegalArgumentException(unknown.getDeclaringClass().getSimpleName()
                    + ".UNKNOWN stands for a value read from a newer producer; it is never published");
        }
        return value == null ? null : value.name();
    }
}
