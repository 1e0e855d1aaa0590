package org.gongzhi.platform.reactive;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/**
 * Asynchronous steps over a collection, one after the other, each starting when the one before has finished: the
 * way to apply a poll's events, write a notice for every resident, or view every warning.
 * <p>
 * Never build the same thing by folding {@code uni = uni.chain(…)} over a collection: subscribing to such a chain
 * recurses once per operator, and a few hundred items overflow an event-loop thread's stack (512 KiB in our JVMs).
 * Mutiny swallows the {@link StackOverflowError}, so the {@code Uni} simply never completes: a consumer's
 * transaction stays open, holding its processed-event rows, and every later delivery of those events waits on it.
 * Concatenating a {@link Multi} runs the steps from a loop instead, at constant stack depth however many there are.
 */
public final class InOrder {
    private InOrder() {
    }

    /** Runs {@code step} for each item in turn; fails with the first failure, running no later step. */
    public static <T> Uni<Void> each(Iterable<T> items, Function<? super T, Uni<?>> step) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(step::apply)
                .onItem().ignoreAsUni();
    }

    /**
     * Runs {@code step} for each item in turn and collects the results, in the items' order. A step that yields
     * {@code null} adds nothing to the list (Mutiny drops null items), so steps must yield a value.
     */
    public static <T, R> Uni<List<R>> map(Iterable<T> items, Function<? super T, Uni<? extends R>> step) {
        return Multi.createFrom().iterable(items)
                .onItem().<R>transformToUniAndConcatenate(step::apply)
                .collect().asList();
    }
}
