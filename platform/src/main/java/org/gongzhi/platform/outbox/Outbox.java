package org.gongzhi.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.platform.GongzhiConfig;
import org.gongzhi.platform.tracing.Tracing;

/**
 * The only way a service publishes an event: {@link #add} writes it in the caller's open transaction, so the event
 * exists if and only if the state change committed. {@link OutboxRelay} sends it afterwards.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper json;
    private final GongzhiConfig config;
    private final Clock clock;
    private final Tracing tracing;

    Outbox(ObjectMapper json, GongzhiConfig config, Clock clock, Tracing tracing) {
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Must run inside a reactive transaction ({@code @WithTransaction} or {@code Panache.withTransaction}). */
    public Uni<OutboxEvent> add(GongzhiEvent event) {
        EventType type = EventType.of(event.getClass());
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = type.topic();
        row.eventKey = event.aggregateId();
        row.subject = event.aggregateId();
        row.eventType = type.ceType();
        row.source = config.service();
        row.occurredAt = clock.instant();
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("cannot serialise " + type, e));
        }
        // the trace of the work writing it: an HTTP request's, or the consumed event's whose effect this is
        return Uni.createFrom().context(context -> {
            row.traceparent = tracing.parentOfWrites(context);
            return row.persist();
        });
    }
}
