package org.gongzhi.notification.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.platform.inbox.InboundEvent;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Rebuilds the dashboard's read models from the event log, in the order the events were first consumed, in one
 * transaction that holds the log's lock (consumers wait meanwhile). Notices and webhook messages are not replayed:
 * they were sent to people once.
 */
@ApplicationScoped
public class ReadModelRebuild {
    private static final int BATCH = 500;

    private final RequestBoard board;
    private final WorkloadBoard workload;
    private final ObjectMapper json;

    ReadModelRebuild(RequestBoard board, WorkloadBoard workload, ObjectMapper json) {
        this.board = board;
        this.workload = workload;
        this.json = json;
    }

    /** The number of events replayed. */
    public Uni<Long> rebuild() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select pg_advisory_xact_lock(7171)").getSingleResult()
                .chain(() -> s.createNativeQuery("truncate request_board, task_board, volunteer_board, follow_up, "
                        + "warning_board").executeUpdate())
                .chain(() -> replay(s, 0L, 0L))));
    }

    private Uni<Long> replay(Mutiny.Session s, long after, long done) {
        return s.createNativeQuery("""
                        select seq, event_id, type, subject, (extract(epoch from occurred_at) * 1000)::bigint, data
                        from event_log where seq > :after order by seq limit :limit""", Object[].class)
                .setParameter("after", after).setParameter("limit", BATCH)
                .getResultList()
                .chain(rows -> {
                    Uni<Void> applied = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        InboundEvent<?> event = decode(row);
                        if (event != null) {
                            applied = applied.chain(() -> board.apply(event)).chain(() -> workload.apply(event));
                        }
                    }
                    long last = rows.isEmpty() ? after : ((Number) rows.get(rows.size() - 1)[0]).longValue();
                    return applied.chain(() -> rows.size() == BATCH ? replay(s, last, done + rows.size())
                            : Uni.createFrom().item(done + rows.size()));
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
