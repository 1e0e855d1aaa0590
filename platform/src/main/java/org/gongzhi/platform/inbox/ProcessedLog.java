package org.gongzhi.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * The inbox's side of the database: its transactions and the processed-event log. The inbox's rules (batch, then one
 * by one, then the dead-letter topic; waiting out the database) are tested against a log in memory.
 */
interface ProcessedLog {

    /** Runs {@code work} in a transaction of its own, committed when it succeeds and rolled back when it fails. */
    Uni<Void> inTransaction(Supplier<Uni<Void>> work);

    /** Records the events (ids and types, pairwise) as processed by {@code consumer}; says how many were new. */
    Uni<Integer> recordAll(String consumer, String[] ids, String[] types);

    /** Records one event as processed by {@code consumer}; says whether it was new. */
    Uni<Boolean> recordOnce(String consumer, String id, String type);

    /** Between two events of one transaction: the next sees the rows the last wrote and starts afresh. */
    Uni<Void> betweenEvents();

    /** The processed-event table through the service's Hibernate Reactive session. */
    final class InDatabase implements ProcessedLog {
        @Override
        public Uni<Void> inTransaction(Supplier<Uni<Void>> work) {
            return Panache.withTransaction(work);
        }

        @Override
        public Uni<Integer> recordAll(String consumer, String[] ids, String[] types) {
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into processed_event (consumer, event_id, event_type)
                            select :consumer, e.id, e.type from unnest(cast(:ids as text[]), cast(:types as text[])) as e(id, type)
                            on conflict do nothing""")
                    .setParameter("consumer", consumer)
                    .setParameter("ids", ids)
                    .setParameter("types", types)
                    .executeUpdate());
        }

        @Override
        public Uni<Boolean> recordOnce(String consumer, String id, String type) {
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into processed_event (consumer, event_id, event_type) values (:consumer, :id, :type)
                            on conflict do nothing""")
                    .setParameter("consumer", consumer)
                    .setParameter("id", id)
                    .setParameter("type", type)
                    .executeUpdate())
                    .map(inserted -> inserted == 1);
        }

        @Override
        public Uni<Void> betweenEvents() {
            return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
        }
    }
}
