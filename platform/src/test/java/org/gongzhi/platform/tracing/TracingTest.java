package org.gongzhi.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.smallrye.mutiny.Context;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a trace travels from a consumed event to the outbox rows its effect writes, and on through the relay. */
class TracingTest {
    private final Tracing tracing = new Tracing(SdkTracerProvider.builder().build().get("test"));

    /** What an outbox row written inside the effect would carry. */
    private Uni<String> writeInsideTheEffect() {
        return Uni.createFrom().voidItem()
                .onItem().delayIt().by(Duration.ofMillis(5))
                .chain(() -> Uni.createFrom().context(context -> Uni.createFrom().item(tracing.parentOfWrites(context))));
    }

    @Test
    void whatAConsumedEventsEffectWritesBelongsToTheEventsSpanEvenAfterAnAsynchronousStep() {
        Span consumed = tracing.consuming("alliance", "gongzhi.requests", "e-1", "gongzhi.request.submitted.v1", "r-1",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        String written = tracing.applying(consumed, writeInsideTheEffect()).await().atMost(Duration.ofSeconds(5));

        assertEquals(Tracing.traceparentOf(consumed), written);
        assertTrue(written.startsWith("00-0af7651916cd43dd8448eb211c80319c-"), written);
        assertEquals("b7ad6b7169203331", ((ReadableSpan) consumed).toSpanData().getParentSpanId());
        assertTrue(((ReadableSpan) consumed).hasEnded(), "the span ends with the effect");
    }

    @Test
    void twoEventsOfOneBatchEachKeepTheirOwnSpan() {
        Span first = tracing.consuming("c", "t", "e-1", "type", "r-1", null);
        Span second = tracing.consuming("c", "t", "e-2", "type", "r-2", null);

        String a = tracing.applying(first, writeInsideTheEffect()).await().atMost(Duration.ofSeconds(5));
        String b = tracing.applying(second, writeInsideTheEffect()).await().atMost(Duration.ofSeconds(5));

        assertEquals(Tracing.traceparentOf(first), a);
        assertEquals(Tracing.traceparentOf(second), b);
        assertNotEquals(a, b);
    }

    @Test
    void theRelaysPublishIsAChildOfTheRowsTraceAndARowWithoutOneGetsNoSpan() {
        String row = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Span publish = tracing.publishing("gongzhi.tasks", "e-2", "gongzhi.task.assigned.v1", "r-1", row);

        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", ((ReadableSpan) publish).toSpanData().getTraceId());
        assertEquals("00f067aa0ba902b7", ((ReadableSpan) publish).toSpanData().getParentSpanId());
        assertNull(tracing.publishing("gongzhi.tasks", "e-3", "gongzhi.task.assigned.v1", "r-1", null));
    }

    @Test
    void withTracingOffNothingCarriesATrace() {
        Tracing off = Tracing.off();
        Span consumed = off.consuming("c", "t", "e-1", "type", "r-1", null);

        assertNull(Tracing.traceparentOf(consumed));
        assertNull(off.parentOfWrites(Context.empty()));
        assertEquals("done", off.applying(consumed, Uni.createFrom().item("done")).await().indefinitely());
    }
}
