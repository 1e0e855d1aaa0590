package org.gongzhi.notification.board;

import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.events.TaskStatus;

/**
 * The published statuses a board's query picks rows by, as SQL lists written once from the vocabulary ({@code events}),
 * so no query spells a status: {@code "status in " + TASKS_OPEN}. The boards keep a status as its wire name.
 */
final class StatusLists {
    /** Requests no longer waiting for the parties: resolved (the return visit is next) or ended. */
    static final String REQUESTS_PAST_WORK = requests(s -> s == RequestStatus.RESOLVED || s.hasEnded());
    /** Requests dropped without being done: ended, but not closed after their work. */
    static final String REQUESTS_DROPPED = requests(s -> s.hasEnded() && s != RequestStatus.CLOSED);
    /** Tasks still their party's to do. */
    static final String TASKS_OPEN = tasks(TaskStatus::isOpen);
    /** Tasks that ended without their party's work: declined or cancelled. */
    static final String TASKS_DROPPED = tasks(s -> !s.isOpen() && s != TaskStatus.COMPLETED);

    private StatusLists() {
    }

    private static String requests(Predicate<RequestStatus> which) {
        return list(Stream.of(RequestStatus.values()).filter(s -> s != RequestStatus.UNKNOWN && which.test(s))
                .map(RequestStatus::wire));
    }

    private static String tasks(Predicate<TaskStatus> which) {
        return list(Stream.of(TaskStatus.values()).filter(s -> s != TaskStatus.UNKNOWN && which.test(s))
                .map(TaskStatus::wire));
    }

    private static String list(Stream<String> wires) {
        return wires.map(w -> "'" + w + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
