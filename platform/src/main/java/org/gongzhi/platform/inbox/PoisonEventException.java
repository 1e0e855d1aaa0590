package org.gongzhi.platform.inbox;

/** A record that can never be processed (no id, unreadable data): it goes to the dead-letter topic at once. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
