package org.gongzhi.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.platform.outbox.CloudEventHeaders;
import org.jboss.logging.Logger;

/**
 * Makes a consumer idempotent: the event's {@code ce_id} is recorded in the processed-event log in the same
 * transaction as the consumer's effect, so a redelivered event has no second effect. A record that can never be read
 * fails with {@link PoisonEventException} (the channel's dead-letter strategy takes it); other failures are retried a
 * few times before they too go to the dead-letter topic.
 */
@ApplicationScoped
public class EventInbox {
    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ObjectMapper json;

    EventInbox(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> consume(String consumer, ConsumerRecord<String, String> record, EventRoutes routes) {
        String ceType = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        Optional<EventType> type = Optional.ofNullable(ceType).flatMap(EventType::ofCeType);
        if (type.isEmpty()) {
            throw new PoisonEventException("unknown or missing ce_type '" + ceType + "'", null);
        }
        Optional<Function<InboundEvent<?>, Uni<Void>>> effect = routes.route(type.get());
        if (effect.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        InboundEvent<?> event = decode(record, type.get());
        return Panache.withTransaction(() -> firstTime(consumer, event)
                        .chain(first -> first ? effect.get().apply(event) : skipped(consumer, event)))
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(3);
    }

    private InboundEvent<?> decode(ConsumerRecord<String, String> record, EventType type) {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new PoisonEventException("record without ce_id at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), null);
        }
        try {
            GongzhiEvent data = json.readValue(record.value(), type.dataClass());
            String time = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME);
            return new InboundEvent<>(id, type,
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE),
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT),
                    time == null ? null : Instant.parse(time), data);
        } catch (Exception e) {
            throw new PoisonEventException("unreadable " + type.ceType() + " " + id + ": " + e.getMessage(), e);
        }
    }

    private Uni<Boolean> firstTime(String consumer, InboundEvent<?> event) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type().ceType())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private Uni<Void> skipped(String consumer, InboundEvent<?> event) {
        LOG.debugf("%s already processed %s %s", consumer, event.type().ceType(), event.id());
        return Uni.createFrom().voidItem();
    }
}
