package org.gongzhi.notification.webhook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gongzhi.notification.eventlog.OncePerTransaction;

/**
 * The active endpoints' subscriptions, read once per consumer transaction (one poll's events) instead of once per
 * event: with no endpoint that wants an event, the writer queues nothing and skips its statement. Read from the
 * database, so an endpoint registered on any instance counts from the next transaction on.
 */
@ApplicationScoped
public class Subscriptions {
    private final OncePerTransaction<Active> active = new OncePerTransaction<>();

    /**
     * One active endpoint: its community, organisation (null for an admin's), the event types it asked for and the
     * further communities (comma-separated) whose events naming its organisation it hears too.
     */
    record Subscription(String communityId, String organisationId, String eventTypes, String communities) {
        /** As the queueing SQL decides: {@code *}, the type itself, or {@code *} among several types. */
        boolean wants(String type) {
            String types = "," + eventTypes + ",";
            return "*".equals(eventTypes) || types.contains("," + type + ",") || types.contains(",*,");
        }

        /** Its own community, or, {@code further}, one its organisation's token also named. */
        boolean hears(String community, boolean further) {
            return communityId.equals(community) || further && organisationId != null && communities != null
                    && ("," + communities + ",").contains("," + community + ",");
        }
    }

    /** The active subscriptions as this transaction read them. */
    record Active(List<Subscription> all) {
        /** Whether any active endpoint of the community, or also serving it, wants events of the type. */
        boolean anyWants(String community, String type) {
            for (Subscription s : all) {
                if (s.hears(community, true) && s.wants(type)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The partner organisations with an active endpoint that wants events of the type: of the community, and,
         * {@code further}, those of another whose token also named it.
         */
        Set<String> organisationsWanting(String community, String type, boolean further) {
            Set<String> orgs = new LinkedHashSet<>();
            for (Subscription s : all) {
                if (s.organisationId() != null && s.hears(community, further) && s.wants(type)) {
                    orgs.add(s.organisationId());
                }
            }
            return orgs;
        }
    }

    /** Runs inside the consumer's transaction. */
    Uni<Active> active() {
        return Panache.getSession().chain(s -> active.get(s, () -> s.createSelectionQuery("""
                        select e.communityId, e.organisationId, e.eventTypes, e.communities from WebhookSubscription e
                        where e.status = 'ACTIVE'""", Object[].class)
                .getResultList()
                .map(rows -> new Active(rows.stream()
                        .map(r -> new Subscription((String) r[0], (String) r[1], (String) r[2], (String) r[3]))
                        .toList()))));
    }
}
