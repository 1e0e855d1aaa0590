package org.gongzhi.notification.eventlog;

import io.smallrye.mutiny.Uni;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Work done once in each of the consumer's transactions, however many events the transaction applies: the inbox
 * applies a whole poll in one transaction, so what holds for the transaction (a lock taken, what it read) need not be
 * done again for every event. Keyed by the session's current transaction (a new object for every transaction, held
 * weakly); outside a transaction the work runs every time.
 */
public final class OncePerTransaction<T> {
    private final Map<Mutiny.Transaction, T> done = Collections.synchronizedMap(new WeakHashMap<>());

    /** The value the work gave in this transaction so far, or null: runs nothing. */
    public T peek(Mutiny.Session session) {
        Mutiny.Transaction transaction = session.currentTransaction();
        return transaction == null ? null : done.get(transaction);
    }

    /** The value the work gave in this transaction, running the work on the first call. */
    public Uni<T> get(Mutiny.Session session, Supplier<Uni<T>> work) {
        Mutiny.Transaction transaction = session.currentTransaction();
        if (transaction == null) {
            return work.get();
        }
        T known = done.get(transaction);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return work.get().invoke(value -> {
            if (value != null) {
                done.put(transaction, value);
            }
        });
    }
}
