package org.gongzhi.notification.projection;

import java.util.List;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Something this service keeps from the events — a board of the dashboard, residents' notices, partners' webhook
 * messages. It declares the effect it has for each event class it handles, and of what kind its effects are: that
 * decides when they run for an event ({@link Projections}) and whether a rebuild replays them.
 */
public interface Projection {

    /** Of what kind this projection's effects are. */
    Kind kind();

    /**
     * Registers an effect for each event class it handles, e.g. {@code routes.on(TaskAssigned.class, this::assigned)};
     * the effects run inside the consumer's transaction and must not open their own.
     */
    void register(EventRoutes routes);

    /** The tables a read model keeps, which a rebuild empties before its replay; none for the other kinds. */
    default List<String> tables() {
        return List.of();
    }

    /** The kinds, in the order their effects run for one event (after the event is appended to the log). */
    enum Kind {
        /** Tables the dashboard reads: a rebuild empties them and replays the event log through these routes. */
        READ_MODEL(true),
        /** Notices to residents and partner contacts: told once, never replayed. */
        NOTICE(false),
        /** Messages queued for partners' webhook endpoints: sent once, never replayed. */
        WEBHOOK(false);

        private final boolean replayed;

        Kind(boolean replayed) {
            this.replayed = replayed;
        }

        /** Whether a rebuild of the read models replays effects of this kind. */
        public boolean replayed() {
            return replayed;
        }
    }
}
