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

    /** One active endpoint: its community, organisation (null for an admin's) and the event types it asked for. */
    record Subscription(String communityId, String organisationId, String eventTypes) {
        /** As the queueing SQL decides: {@code *}, the type itself, or {@code *} among several types. */
        boolean wants(String type) {
            String types = "," + eventTypes + ",";
            return "*".equals(eventTypes) || types.contains("," + type + ",") || types.contains(",*,");
        }
    }

    /** The active subscriptions as this transaction read them. */
    record Active(List<Subscription> all) {
        /** Whether any active endpoint of the community wants events of the type. */
        boolean anyWants(String community, String type) {
            for (Subscription s : all) {
                if (s.communityId().equals(community) && s.wants(type)) {
                    return true;
                }
            }
            return false;
        }

        /** The partner organisations with an active endpoint of the community that wants events of the type. */
        Set<String> organisationsWanting(String community, String type) {
            Set<String> orgs = new LinkedHashSet<>();
            for (Subscription s : all) {
                if (s.organisationId() != null && s.communityId().equals(community) && s.wants(type)) {
                    orgs.add(s.organisationId());
                }
            }
            return orgs;
        }
    }

    /** Runs inside the consumer's transaction. */
    Uni<Active> active() {
        return Panache.getSession().chain(s -> active.get(s, () -> s.createSelectionQuery("""
                        select e.communityId, e.organisationId, e.eventTypes from WebhookSubscription e
                        where e.status = 'ACTIVE'""", Object[].class)
                .getResultList()
                .map(rows -> new Active(rows.stream()
                        .map(r -> new Subscription((String) r[0], (String) r[1], (String) r[2])).toList()))));
    }
}
