package org.gongzhi.notification.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.platform.inbox.InboundEvent;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The log of every event this service consumed. Appends take a transaction-scoped advisory lock, so sequence numbers
 * commit in order and a reader that follows {@code seq} never skips one that commits late.
 */
@ApplicationScoped
public class EventLog {
    private final ObjectMapper json;
    private final Pool pool;
    /** The lock is the transaction's until it commits: taken before its first append, not again for the others. */
    private final OncePerTransaction<Boolean> locked = new OncePerTransaction<>();

    EventLog(ObjectMapper json, Pool pool) {
        this.json = json;
        this.pool = pool;
    }

    /**
     * Serialises appends (and rebuilds) so sequence numbers commit in order. Run as an update, not a select: Hibernate
     * Reactive 3.2 keys every native select in its query-interpretation cache by a mapping without equals(), so each
     * execution adds an entry with the same hash and lookups degrade into long equals() scans.
     */
    public static Uni<Void> lock(Mutiny.Session session) {
        return session.createNativeQuery("select pg_advisory_xact_lock(7171)").executeUpdate().replaceWithVoid();
    }

    /** Runs inside the consumer's transaction. */
    public Uni<Void> append(InboundEvent<?> event) {
        String data;
        try {
            data = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(s -> locked.get(s, () -> lock(s).replaceWith(Boolean.TRUE))
                        .chain(() -> s.createNativeQuery("""
                                        insert into event_log (event_id, type, subject, community_id, occurred_at, data)
                                        values (:id, :type, :subject, :community, :time, :data)
                                        on conflict (event_id) do nothing""")
                                .setParameter("id", event.id())
                                .setParameter("type", event.type().ceType())
                                .setParameter("subject", event.data().aggregateId())
                                .setParameter("community", event.data().communityId())
                                .setParameter("time", event.time())
                                .setParameter("data", data)
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** The sequence number of a community's latest event (0 when none): where a fresh stream begins. */
    public Uni<Long> head(String communityId) {
        return pool.preparedQuery("select coalesce(max(seq), 0) as head from event_log where community_id = $1")
                .execute(Tuple.of(communityId))
                .map(rows -> rows.iterator().next().getLong("head"));
    }

    /** Events of a community after {@code seq}, oldest first. Plain SQL client: callable from any stream. */
    public Uni<List<LoggedEvent>> after(String communityId, long seq, int limit) {
        return pool.preparedQuery("""
                        select seq, event_id, type, subject, community_id, occurred_at, data from event_log
                        where community_id = $1 and seq > $2 order by seq limit $3""")
                .execute(Tuple.of(communityId, seq, limit))
                .map(rows -> {
                    List<LoggedEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        OffsetDateTime time = row.getOffsetDateTime("occurred_at");
                        events.add(new LoggedEvent(row.getLong("seq"), row.getString("event_id"),
                                row.getString("type"), row.getString("subject"), row.getString("community_id"),
                                time == null ? null : time.toInstant(), row.getString("data")));
                    }
                    return events;
                });
    }
}
