package org.gongzhi.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * One request's work across the services is one trace (OpenTelemetry, W3C trace context): the span of the work that
 * writes an event to the outbox — an HTTP request's, or a consumed event's — is kept with the row as its
 * {@code traceparent}; the relay publishes the row under a producer span that is its child and sends that span's
 * context as the record's {@code ce_traceparent} (the CloudEvents distributed-tracing extension) and
 * {@code traceparent} headers; each consumer processes the record under a consumer span that is the producer span's
 * child, and the events its effect writes carry that span on. Off by default (no exporter, no spans): then no row
 * carries a trace and nothing here costs more than a check.
 * <p>
 * A consumer applies a whole poll in one transaction on one Vert.x context, so the event being applied is not the
 * "current" OpenTelemetry context there; its span travels to {@link #parentOfWrites} in the Mutiny context of the
 * event's own effect instead ({@link #applying}).
 */
@ApplicationScoped
public class Tracing {
    /** The Mutiny context entry under which a consumed event's span reaches the outbox rows its effect writes. */
    private static final String PARENT = "gongzhi.traceparent";
    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    @Inject
    public Tracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Tracing switched off, for unit tests of one class. */
    public static Tracing off() {
        return new Tracing(OpenTelemetry.noop().getTracer("gongzhi"));
    }

    /**
     * The traceparent an outbox row written now belongs to: the consumed event's span when the write is part of an
     * event's effect, else the current span (an HTTP request's); null when there is none (tracing off).
     */
    public String parentOfWrites(io.smallrye.mutiny.Context context) {
        String parent = context.getOrElse(PARENT, () -> null);
        return parent != null ? parent : traceparentOf(Span.current());
    }

    /** The producer span under which the relay publishes a row written in the given trace; null when it has none. */
    public Span publishing(String topic, String eventId, String eventType, String subject, String traceparent) {
        if (traceparent == null) {
            return null;
        }
        return tracer.spanBuilder("publish " + topic).setSpanKind(SpanKind.PRODUCER)
                .setParent(contextOf(traceparent))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .setAttribute("cloudevents.event_subject", subject)
                .startSpan();
    }

    /** The consumer span under which a consumer applies a record published in the given trace (or a new trace). */
    public Span consuming(String consumer, String topic, String eventId, String eventType, String subject,
            String traceparent) {
        var builder = tracer.spanBuilder("process " + topic).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .setAttribute("cloudevents.event_subject", subject);
        builder = traceparent == null ? builder.setNoParent() : builder.setParent(contextOf(traceparent));
        return builder.startSpan();
    }

    /**
     * The effect of one consumed event, run with its span as the parent of every outbox row it writes; the span ends
     * when the effect does (with the failure recorded, if it failed).
     */
    public <T> Uni<T> applying(Span span, Uni<T> effect) {
        String parent = traceparentOf(span);
        if (parent == null) {
            return effect;
        }
        return Uni.createFrom().<T>emitter(emitter -> effect.subscribe()
                        .with(io.smallrye.mutiny.Context.of(PARENT, parent), emitter::complete, emitter::fail))
                .onTermination().invoke((item, failure, cancelled) -> end(span, failure));
    }

    /** Ends a span, marking it failed when the work failed. */
    public static void end(Span span, Throwable failure) {
        if (span == null) {
            return;
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }
        span.end();
    }

    /** The span's W3C traceparent, or null when it is not a real (sampled or recording) span. */
    public static String traceparentOf(Span span) {
        if (span == null || !span.getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    private static Context contextOf(String traceparent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent),
                FROM_MAP);
    }
}
