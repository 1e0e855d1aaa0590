package org.gongzhi.platform.reactive;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A scheduled job's due work (late tasks, expired offers), worked through a bounded chunk at a time, each chunk in its
 * own transaction. One transaction for everything due grows with a surge: after a rainstorm's thousands of requests
 * it held every late task in one session, each statement's automatic flush walked all of them (quadratic), and the
 * event loop it ran on did nothing else for minutes.
 */
public final class Backlog {
    private Backlog() {
    }

    /** At most so many chunks a run: a step that failed to move its items on would otherwise loop for ever. */
    static final int MOST_CHUNKS = 500;

    /**
     * Reads {@code next} (at most {@code chunk} items, the query's limit) and runs {@code step} for each in one
     * transaction, again and again until a read is not full (or {@link #MOST_CHUNKS} were worked; the next run goes
     * on). {@code step} must move its item out of what {@code next} reads (a level up, a status changed), or the same
     * items come back. Call it outside any session (a scheduled job): inside one, every chunk would share it. Returns
     * how many items were worked on.
     */
    public static <T> Uni<Integer> work(int chunk, Supplier<Uni<List<T>>> next, Function<? super T, Uni<?>> step) {
        return Multi.createBy().repeating()
                .uni(() -> Panache.<Integer>withTransaction(() -> next.get()
                        .chain(items -> InOrder.each(items, step).replaceWith(items.size()))))
                .whilst(size -> size == chunk)
                .select().first(MOST_CHUNKS)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
