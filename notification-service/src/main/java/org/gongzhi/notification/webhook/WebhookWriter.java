package org.gongzhi.notification.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * Queues a webhook message for every active endpoint that wants the event and may see it, in the consumer's
 * transaction: a partner's endpoint gets its own organisation's task events and the community's weather warnings; an
 * endpoint without an organisation (an admin's integration) gets every event it asked for.
 */
@ApplicationScoped
public class WebhookWriter {
    private final ObjectMapper json;
    private final Clock clock;

    WebhookWriter(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Runs inside the consumer's transaction. */
    public Uni<Void> apply(InboundEvent<?> event) {
        String org = "";
        if (event.data() instanceof TaskAssigned t) {
            org = t.organisationId();
        } else if (event.data() instanceof TaskStatusChanged t) {
            org = t.organisationId();
        } else if (event.data() instanceof TaskEscalated t) {
            org = t.organisationId();
        }
        boolean broadcast = event.data() instanceof WarningIssued;
        String payload;
        try {
            ObjectNode body = json.createObjectNode().put("type", event.type().ceType())
                    .put("timestamp", (event.time() == null ? clock.instant() : event.time()).toString());
            body.set("data", json.valueToTree(event.data()));
            payload = json.writeValueAsString(body);
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        Instant now = clock.instant();
        String ownOrg = org == null ? "" : org;
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into webhook_delivery (id, endpoint_id, message_id, event_id, event_type, payload, status,
                            next_attempt_at, created_at, updated_at)
                        select gen_random_uuid(), e.id, 'msg_' || :event, :event, :type, :payload, 'PENDING', :now,
                            :now, :now
                        from webhook_endpoint e
                        where e.community_id = :community and e.status = 'ACTIVE'
                          and (e.event_types = '*' or position(',' || :type || ',' in ',' || e.event_types || ',') > 0
                               or position(',*,' in ',' || e.event_types || ',') > 0)
                          and (e.organisation_id is null or e.organisation_id = :org or :broadcast)
                        on conflict (endpoint_id, event_id) do nothing""")
                .setParameter("event", event.id()).setParameter("type", event.type().ceType())
                .setParameter("payload", payload).setParameter("now", now)
                .setParameter("community", event.data().communityId()).setParameter("org", ownOrg)
                .setParameter("broadcast", broadcast)
                .executeUpdate()).replaceWithVoid();
    }
}
