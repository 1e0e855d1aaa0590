package org.gongzhi.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.platform.outbox.CloudEventHeaders;
import org.gongzhi.platform.persistence.DatabaseUnavailable;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.platform.tracing.Tracing;
import org.jboss.logging.Logger;

/**
 * Makes a consumer idempotent: the event's {@code ce_id} is recorded in the processed-event log in the same
 * transaction as the consumer's effect, so a redelivered event has no second effect.
 * <p>
 * Consumers receive what one poll returned ({@link #consumeAll}, channels with {@code batch=true}) and the inbox
 * applies the whole batch in one transaction — one commit instead of one per event, which is where the time went —
 * recording all its events in the processed-event log with a single statement.
 * Should the batch fail, it is applied again one event per transaction, so one bad event costs only itself: a record
 * that can never be read ({@link PoisonEventException}) or that still fails after a few retries goes to
 * {@code <topic>.dlq} through {@link DeadLetters} and the partition keeps flowing. The database being away is not
 * such a failure ({@link DatabaseUnavailable}): the batch waits for it, however long, and nothing is dead-lettered.
 */
@ApplicationScoped
public class EventInbox {
    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ObjectMapper json;
    private final DeadLetters deadLetters;
    private final ProcessedLog processed;
    private final Tracing tracing;

    /** Set when the service begins to stop: its database pool is about to close under the batches in flight. */
    private volatile boolean stopping;

    @Inject
    EventInbox(ObjectMapper json, DeadLetters deadLetters, Tracing tracing) {
        this(json, deadLetters, new ProcessedLog.InDatabase(), tracing);
    }

    EventInbox(ObjectMapper json, DeadLetters deadLetters, ProcessedLog processed, Tracing tracing) {
        this.json = json;
        this.deadLetters = deadLetters;
        this.processed = processed;
        this.tracing = tracing;
    }

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * Applies one poll's records ({@code ConsumerRecords}, or those of one of its topics): all in one transaction, or,
     * should that fail, one by one.
     */
    public Uni<Void> consumeAll(String consumer, Iterable<ConsumerRecord<String, String>> records,
            EventRoutes routes) {
        List<Routed> batch = new ArrayList<>();
        List<Poisoned> poisoned = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                routed(record, routes).ifPresent(batch::add);
            } catch (PoisonEventException poison) {
                poisoned.add(new Poisoned(record, poison));
            }
        }
        Uni<Void> dead = InOrder.each(poisoned, p -> deadLetters.send(p.record(), p.reason()));
        if (batch.isEmpty()) {
            return dead;
        }
        return dead.chain(() -> untilTheDatabaseAnswers(consumer, batch,
                        processed.inTransaction(() -> allFirstTime(consumer, batch)
                                .chain(() -> applyInOrder(consumer, batch))
                                .chain(routes::finishTransaction)))
                .onFailure().recoverWithUni(failure -> {
                    if (stopping) {
                        return leftForRedelivery(consumer, batch, failure);
                    }
                    if (failure instanceof SeenBefore) {
                        LOG.debugf("%s: a batch of %d events holds some seen before; applying them one by one",
                                consumer, batch.size());
                    } else {
                        LOG.warnf("%s: a batch of %d events failed (%s); applying them one by one", consumer,
                                batch.size(), failure.toString());
                    }
                    return oneByOne(consumer, batch, routes);
                }));
    }

    /** How a channel that reads several topics applies one of them: under this processed-event name, by these routes. */
    public record TopicReader(String consumer, EventRoutes routes) {
    }

    /**
     * One poll of a channel that reads several topics — one Kafka consumer for them all, instead of one per topic:
     * each topic's records are applied as {@link #consumeAll} applies a poll (one transaction, or one by one), under
     * the processed-event name that topic always had, topic after topic in the order of {@code readers}. A record of a
     * topic no reader names (the channel's configuration and its code disagree) goes to the dead-letter topic rather
     * than being passed over.
     */
    public Uni<Void> consumeEach(ConsumerRecords<String, String> records, Map<String, TopicReader> readers) {
        List<Poisoned> unread = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            if (!readers.containsKey(partition.topic())) {
                records.records(partition).forEach(record -> unread.add(new Poisoned(record,
                        new PoisonEventException("no reader for topic " + partition.topic() + " on this channel", null))));
            }
        }
        return InOrder.each(unread, p -> deadLetters.send(p.record(), p.reason()))
                .chain(() -> InOrder.each(readers.entrySet(), reader -> {
                    List<ConsumerRecord<String, String>> topic = new ArrayList<>();
                    records.records(reader.getKey()).forEach(topic::add);
                    return topic.isEmpty() ? Uni.createFrom().voidItem()
                            : consumeAll(reader.getValue().consumer(), topic, reader.getValue().routes());
                }));
    }

    /**
     * Records the whole batch in the processed-event log with one statement. Should any event have been processed
     * before (a redelivery, or the same event twice in the batch), the transaction is abandoned and the batch goes
     * one event at a time, where each event is checked on its own.
     */
    private Uni<Void> allFirstTime(String consumer, List<Routed> batch) {
        String[] ids = new String[batch.size()];
        String[] types = new String[batch.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = batch.get(i).event().id();
            types[i] = batch.get(i).event().type().ceType();
        }
        return processed.recordAll(consumer, ids, types)
                .chain(inserted -> inserted == ids.length ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new SeenBefore(ids.length - inserted)));
    }

    /** Not a failure of the batch: some of its events were processed before. */
    private static final class SeenBefore extends RuntimeException {
        SeenBefore(int count) {
            super(count + " events processed before", null, false, false);
        }
    }

    /**
     * Inside one transaction, every event of the batch seen for the first time. After each event the session is flushed (the next event sees its rows) and cleared, so
     * each event starts from the database as it would in a transaction of its own, and a flush only ever checks one
     * event's entities (flushing a session that kept every entity of the batch cost O(n²) in Hibernate's cascade).
     */
    private Uni<Void> applyInOrder(String consumer, List<Routed> batch) {
        return InOrder.each(batch, routed -> apply(consumer, routed).chain(processed::betweenEvents));
    }

    /** The event's effect, under a span of the trace it was published in (Tracing). */
    private Uni<Void> apply(String consumer, Routed routed) {
        ConsumerRecord<String, String> record = routed.record();
        InboundEvent<?> event = routed.event();
        return tracing.applying(tracing.consuming(consumer, record.topic(), event.id(), event.type().ceType(),
                event.subject(), CloudEventHeaders.traceparent(record.headers())), routed.effect().apply(event));
    }

    /**
     * The database being away is nobody's fault and passes: the work is tried again, less and less often, for as long
     * as it lasts — the partition waits (the consumer pauses once its queue is full) and nothing is dead-lettered.
     * Any other failure, or any failure once the service stops, goes on to the caller's recovery.
     */
    private Uni<Void> untilTheDatabaseAnswers(String consumer, List<Routed> events, Uni<Void> work) {
        ConsumerRecord<String, String> first = events.get(0).record();
        return work
                .onFailure(this::databaseAway).invoke(failure -> LOG.warnf(
                        "%s: database unavailable; %d events from %s-%d@%d wait for it (%s)", consumer,
                        events.size(), first.topic(), first.partition(), first.offset(), failure.toString()))
                .onFailure(this::databaseAway).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
    }

    private boolean databaseAway(Throwable failure) {
        return !stopping && DatabaseUnavailable.isCause(failure);
    }

    private Uni<Void> oneByOne(String consumer, List<Routed> batch, EventRoutes routes) {
        return InOrder.each(batch, routed -> untilTheDatabaseAnswers(consumer, List.of(routed),
                        processed.inTransaction(() -> applyOnce(consumer, routed).chain(routes::finishTransaction)))
                .onFailure(failure -> !(failure instanceof PoisonEventException) && !stopping)
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(3)
                .onFailure().recoverWithUni(failure -> stopping && !(failure instanceof PoisonEventException)
                        ? leftForRedelivery(consumer, List.of(routed), failure)
                        : deadLetters.send(routed.record(), failure)));
    }

    /**
     * A failure while the service stops is the stop itself (the pool closing under the transaction), not the event's
     * fault: the batch is neither acknowledged nor dead-lettered nor failed (a failed batch would go to the
     * dead-letter topic whole). It never completes, so its offsets are not committed and the partition's next owner —
     * this service after its restart, or another instance — receives it again; the inbox makes that harmless.
     */
    private Uni<Void> leftForRedelivery(String consumer, List<Routed> events, Throwable failure) {
        ConsumerRecord<String, String> first = events.get(0).record();
        LOG.infof("%s: stopping; %d events from %s-%d@%d on left for redelivery (%s)", consumer, events.size(),
                first.topic(), first.partition(), first.offset(), failure.toString());
        return Uni.createFrom().nothing();
    }

    private Uni<Void> applyOnce(String consumer, Routed routed) {
        return firstTime(consumer, routed.event())
                .chain(first -> first ? apply(consumer, routed) : skipped(consumer, routed.event()));
    }

    private Optional<Routed> routed(ConsumerRecord<String, String> record, EventRoutes routes) {
        String ceType = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        Optional<EventType> type = Optional.ofNullable(ceType).flatMap(EventType::ofCeType);
        if (type.isEmpty()) {
            throw new PoisonEventException("unknown or missing ce_type '" + ceType + "'", null);
        }
        return routes.route(type.get()).map(effect -> new Routed(record, decode(record, type.get()), effect));
    }

    private record Poisoned(ConsumerRecord<String, String> record, PoisonEventException reason) {
    }

    private record Routed(ConsumerRecord<String, String> record, InboundEvent<?> event,
            Function<InboundEvent<?>, Uni<Void>> effect) {
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
        return processed.recordOnce(consumer, event.id(), event.type().ceType());
    }

    private Uni<Void> skipped(String consumer, InboundEvent<?> event) {
        LOG.debugf("%s already processed %s %s", consumer, event.type().ceType(), event.id());
        return Uni.createFrom().voidItem();
    }
}
