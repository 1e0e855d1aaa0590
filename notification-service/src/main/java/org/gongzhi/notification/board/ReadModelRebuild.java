package org.gongzhi.notification.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.notification.eventlog.EventLog;
import org.gongzhi.notification.projection.Projections;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.reactive.InOrder;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Rebuilds the dashboard's read models from the event log, in the order the events were first consumed, in one
 * transaction that holds the log's lock (consumers wait meanwhile), through the routes the read-model projections
 * registered ({@link Projections#replayed}). Notices and webhook messages are not replayed: they were sent to people
 * once.
 */
@ApplicationScoped
public class ReadModelRebuild {
    private static final int BATCH = 500;

    private final EventRoutes readModels;
    /** Empties every read model a rebuild refills. */
    private final String truncate;
    private final ObjectMapper json;
    private final TopicReader topics;

    ReadModelRebuild(Projections projections, ObjectMapper json, TopicReader topics) {
        this.readModels = projections.replayed();
        this.truncate = "truncate " + String.join(", ", projections.replayedTables());
        this.json = json;
        this.topics = topics;
    }

    /** What a rebuild replayed: every event, and how many of them came from the topics rather than the log. */
    public record Replayed(long events, long fromTopics) {
    }

    /** The number of events replayed. */
    public Uni<Long> rebuild() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> EventLog.lockForRebuild(s)
                .chain(() -> s.createNativeQuery(truncate).executeUpdate())
                .chain(() -> replay(s, 0L, 0L, Set.of()))));
    }

    /**
     * Rebuilds from the Kafka topics themselves, read from the start topic after topic ({@link TopicReader}): the
     * events this service consumed are applied in that order, then any logged event the topics no longer hold (past
     * their retention, or consumed after the read began) in log order. Events not yet consumed are left to the
     * consumer, which applies them once (a projection like the reopen count must not see an event twice).
     */
    public Uni<Replayed> rebuildFromTopics() {
        // Kafka's client blocks: read on a worker, then come back to this request's context for the session
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().failure(new IllegalStateException("a rebuild runs on a Vert.x context"));
        }
        return Uni.createFrom().item(topics::readAll)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(events -> Panache.withTransaction(() -> Panache.getSession().chain(s -> EventLog.lockForRebuild(s)
                        .chain(() -> s.createNativeQuery(truncate).executeUpdate())
                        .chain(() -> s.createNativeQuery("select event_id from event_log", String.class)
                                .getResultList())
                        .chain(logged -> {
                            Set<String> known = new HashSet<>(logged);
                            List<InboundEvent<?>> consumed = events.stream().filter(e -> known.contains(e.id()))
                                    .toList();
                            Set<String> applied = new HashSet<>();
                            consumed.forEach(e -> applied.add(e.id()));
                            return applyAll(consumed, 0)
                                    .chain(() -> replay(s, 0L, 0L, applied))
                                    .map(fromLog -> new Replayed(consumed.size() + fromLog, consumed.size()));
                        }))));
    }

    private Uni<Void> applyAll(List<InboundEvent<?>> events, int from) {
        if (from >= events.size()) {
            return Uni.createFrom().voidItem();
        }
        return InOrder.each(events.subList(from, Math.min(from + BATCH, events.size())), readModels::apply)
                .chain(() -> applyAll(events, from + BATCH));
    }

    /** Replays the log after {@code after}, skipping {@code skip}; the number of events applied. */
    private Uni<Long> replay(Mutiny.Session s, long after, long done, Set<String> skip) {
        return s.createNativeQuery("""
                        select seq, event_id, type, subject, (extract(epoch from occurred_at) * 1000)::bigint, data
                        from event_log where seq > :after order by seq limit :limit""", Object[].class)
                .setParameter("after", after).setParameter("limit", BATCH)
                .getResultList()
                .chain(rows -> {
                    // every row of the batch is decoded before any is applied, as before
                    List<InboundEvent<?>> events = new ArrayList<>();
                    long count = 0;
                    for (Object[] row : rows) {
                        if (skip.contains((String) row[1])) {
                            continue;
                        }
                        InboundEvent<?> event = decode(row);
                        if (event != null) {
                            events.add(event);
                        }
                        count++;
                    }
                    long total = done + count;
                    long last = rows.isEmpty() ? after : ((Number) rows.get(rows.size() - 1)[0]).longValue();
                    return InOrder.each(events, readModels::apply).chain(() -> rows.size() == BATCH
                            ? replay(s, last, total, skip)
                            : Uni.createFrom().item(total));
                });
    }

    private InboundEvent<?> decode(Object[] row) {
        var type = EventType.ofCeType((String) row[2]);
        if (type.isEmpty()) {
            return null;
        }
        try {
            GongzhiEvent data = json.readValue((String) row[5], type.get().dataClass());
            Instant time = row[4] == null ? null : Instant.ofEpochMilli(((Number) row[4]).longValue());
            return new InboundEvent<>((String) row[1], type.get(), null, (String) row[3], time, data);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read logged event " + row[1], e);
        }
    }
}
