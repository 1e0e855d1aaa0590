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
 * The log of every event this service consumed. A consumer's transaction gathers its events' rows and appends them in
 * one statement just before it commits ({@link #appendGathered}), under a transaction-scoped advisory lock: sequence
 * numbers commit in order, so a reader that follows {@code seq} never skips one that commits late, and the lock is
 * held only for that last statement and the commit, so several transactions apply their events side by side.
 * A rebuild takes {@link #lockForRebuild} and waits for the transactions under way; they hold the rebuild lock shared
 * from their first event on, so none can wait on a rebuild while holding rows the rebuild needs.
 */
@ApplicationScoped
public class EventLog {
    private static final long APPEND_LOCK = 7171;
    private static final long REBUILD_LOCK = 7172;

    private final ObjectMapper json;
    private final Pool pool;
    /** The rows a transaction's events gave, in order, until it appends them. */
    private final OncePerTransaction<List<Gathered>> gathered = new OncePerTransaction<>();

    EventLog(ObjectMapper json, Pool pool) {
        this.json = json;
        this.pool = pool;
    }

    private record Gathered(String id, String type, String subject, String community, String time, String data) {
    }

    /**
     * For a rebuild: waits for the consumers' transactions under way and keeps new ones out until it commits. Locks run
     * as updates, not selects: Hibernate Reactive 3.2 keys every native select in its query-interpretation cache by a
     * mapping without equals(), so each execution adds an entry with the same hash and lookups degrade.
     */
    public static Uni<Void> lockForRebuild(Mutiny.Session session) {
        return session.createNativeQuery("select pg_advisory_xact_lock(" + REBUILD_LOCK + ")").executeUpdate()
                .chain(() -> session.createNativeQuery("select pg_advisory_xact_lock(" + APPEND_LOCK + ")")
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Runs inside the consumer's transaction: the row is appended with the others at its end. */
    public Uni<Void> append(InboundEvent<?> event) {
        String data;
        try {
            data = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Gathered row = new Gathered(event.id(), event.type().ceType(), event.data().aggregateId(), event.data().communityId(),
                event.time() == null ? null : event.time().toString(), data);
        return Panache.getSession().chain(s -> s.currentTransaction() == null
                ? Uni.createFrom().failure(new IllegalStateException("the event log is appended to in a consumer's "
                        + "transaction"))
                : gathered.get(s, () -> s.createNativeQuery(
                                "select pg_advisory_xact_lock_shared(" + REBUILD_LOCK + ")").executeUpdate()
                        .map(locked -> new ArrayList<Gathered>()))
                .invoke(rows -> rows.add(row)))
                .replaceWithVoid();
    }

    /** The end of a consumer's transaction: its events' rows, in order, in one statement, under the append lock. */
    public Uni<Void> appendGathered() {
        return Panache.getSession().chain(s -> {
            List<Gathered> rows = gathered.peek(s);
            if (rows == null || rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Gathered> all = List.copyOf(rows);
            rows.clear();
            return s.createNativeQuery("select pg_advisory_xact_lock(" + APPEND_LOCK + ")").executeUpdate()
                    .chain(() -> s.createNativeQuery("""
                                    insert into event_log (event_id, type, subject, community_id, occurred_at, data)
                                    select e.id, e.type, e.subject, e.community, cast(e.time as timestamptz), e.data
                                    from unnest(cast(:ids as text[]), cast(:types as text[]), cast(:subjects as text[]),
                                                cast(:communities as text[]), cast(:times as text[]),
                                                cast(:data as text[]))
                                         with ordinality as e(id, type, subject, community, time, data, n)
                                    order by e.n
                                    on conflict (event_id) do nothing""")
                            .setParameter("ids", all.stream().map(Gathered::id).toArray(String[]::new))
                            .setParameter("types", all.stream().map(Gathered::type).toArray(String[]::new))
                            .setParameter("subjects", all.stream().map(Gathered::subject).toArray(String[]::new))
                            .setParameter("communities", all.stream().map(Gathered::community).toArray(String[]::new))
                            .setParameter("times", all.stream().map(Gathered::time).toArray(String[]::new))
                            .setParameter("data", all.stream().map(Gathered::data).toArray(String[]::new))
                            .executeUpdate())
                    .replaceWithVoid();
        });
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
