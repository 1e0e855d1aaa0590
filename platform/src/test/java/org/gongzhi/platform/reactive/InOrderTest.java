package org.gongzhi.platform.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InOrderTest {
    /** The services' event-loop threads have 512 KiB stacks; this is half of that. */
    private static final long SMALL_STACK = 256 * 1024;
    private final ScheduledExecutorService elsewhere = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        elsewhere.shutdownNow();
    }

    @Test
    void aHundredThousandStepsRunInOrderOnASmallStack() throws Exception {
        List<Integer> items = IntStream.range(0, 100_000).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        // half the steps finish at once, half on another thread: both ways must keep the stack flat
        Object outcome = onSmallStack(() -> InOrder.each(items, i -> {
            Uni<Integer> step = i % 2 == 0 ? Uni.createFrom().item(i) : Uni.createFrom().item(i).emitOn(elsewhere);
            return step.invoke(seen::add);
        }));
        assertEquals("completed", outcome);
        assertEquals(items, seen);
    }

    @Test
    void aFoldedChainOfTheSameLengthNeverCompletes() throws Exception {
        // what InOrder replaces: the overflow is swallowed and the Uni hangs, so this is why it must not be written
        Object outcome = onSmallStack(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < 2_000; i++) {
                chain = chain.chain(() -> Uni.createFrom().voidItem().emitOn(elsewhere)).invoke(() -> { });
            }
            return chain;
        });
        assertTrue(outcome.equals("hung") || outcome instanceof StackOverflowError, "outcome: " + outcome);
    }

    @Test
    void theFirstFailureStopsTheRest() throws Exception {
        List<Integer> seen = new ArrayList<>();
        Object outcome = onSmallStack(() -> InOrder.each(List.of(1, 2, 3, 4), i -> i == 3
                ? Uni.createFrom().failure(new IllegalStateException("step 3"))
                : Uni.createFrom().item(i).invoke(seen::add)));
        assertInstanceOf(IllegalStateException.class, outcome);
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void mapKeepsTheItemsOrder() throws Exception {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        InOrder.map(List.of(3, 1, 2), i -> Uni.createFrom().item("#" + i).onItem().delayIt()
                        .by(Duration.ofMillis(10L * i)))
                .subscribe().with(result::complete, result::completeExceptionally);
        assertEquals(List.of("#3", "#1", "#2"), result.get(5, TimeUnit.SECONDS));
    }

    /** Subscribes on a thread with a small stack: "completed", the failure, or "hung" after five seconds. */
    private static Object onSmallStack(java.util.function.Supplier<Uni<?>> work) throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            try {
                work.get().subscribe().with(x -> outcome.complete("completed"), outcome::complete);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        try {
            return outcome.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return "hung";
        }
    }
}
