package org.gongzhi.notification.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import org.gongzhi.events.MeetingConvened;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.notification.projection.Projection;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.reactive.InOrder;

/**
 * Queues a webhook message for every active endpoint that wants the event and may see it, in the consumer's
 * transaction: a partner's endpoint gets its own organisation's task events and the community's weather warnings (with
 * only its own contacts in {@code onDuty}); an endpoint without an organisation (an admin's integration) gets every
 * event it asked for, whole. A partner whose token named further communities when it registered the endpoint hears its
 * organisation's tasks and the meetings it is called to in those too: a task or a meeting names the organisation only
 * where it serves (it is registered there), so nothing of a community it does not serve reaches it; the community's
 * other events (warnings, requests) stay with the endpoints of that community. Nothing is queued, and no statement
 * runs, for an event no active endpoint subscribed to ({@link Subscriptions}, read once per transaction).
 */
@ApplicationScoped
public class WebhookQueue implements Projection {
    private final ObjectMapper json;
    private final Clock clock;
    private final Subscriptions subscriptions;

    WebhookQueue(ObjectMapper json, Clock clock, Subscriptions subscriptions) {
        this.json = json;
        this.clock = clock;
        this.subscriptions = subscriptions;
    }

    @Override
    public Kind kind() {
        return Kind.WEBHOOK;
    }

    /** Any type may be subscribed to: a task's to its organisation, a warning and a meeting to those it concerns. */
    @Override
    public void register(EventRoutes routes) {
        routes.on(TaskAssigned.class, event -> whenWanted(event,
                        active -> toOwnOrganisation(event, event.data().organisationId(), false)))
                .on(TaskStatusChanged.class, event -> whenWanted(event,
                        active -> toOwnOrganisation(event, event.data().organisationId(), false)))
                .on(TaskEscalated.class, event -> whenWanted(event,
                        active -> toOwnOrganisation(event, event.data().organisationId(), false)))
                .on(WarningIssued.class, event -> whenWanted(event, active -> warning(event,
                        active.organisationsWanting(event.data().communityId(), event.type().ceType(), false))))
                .on(MeetingConvened.class, event -> whenWanted(event, active -> meeting(event,
                        active.organisationsWanting(event.data().communityId(), event.type().ceType(), true))))
                .onEveryOther(event -> whenWanted(event, active -> toOwnOrganisation(event, null, false)));
    }

    /**
     * Some active endpoint of the event's community (or of an organisation also serving it) wants it: {@code queue}
     * for each that may see it. Otherwise nothing, and no statement runs.
     */
    private Uni<Void> whenWanted(InboundEvent<?> event, Function<Subscriptions.Active, Uni<Void>> queue) {
        String type = event.type().ceType();
        String community = event.data().communityId();
        return subscriptions.active().chain(active -> active.anyWants(community, type)
                ? queue.apply(active)
                : Uni.createFrom().voidItem());
    }

    /**
     * Endpoints of the event's own organisation (none: only endpoints without one), also those serving its community
     * from another, or all of the community when broadcast.
     */
    private Uni<Void> toOwnOrganisation(InboundEvent<?> event, String organisationId, boolean broadcast) {
        return queue(event, event.data(), """
                (e.organisation_id is null or e.organisation_id = :org or :broadcast)""",
                organisationId == null ? "" : organisationId, broadcast,
                broadcast ? OF_COMMUNITY : OF_COMMUNITY_OR_SERVING_IT);
    }

    private Uni<Void> warning(InboundEvent<WarningIssued> event, Set<String> partnersWanting) {
        WarningIssued w = event.data();
        if (w.onDuty().isEmpty()) {
            return toOwnOrganisation(event, null, true);
        }
        // every partner hears of the warning, but sees only its own people on duty; an integrator sees all
        return queue(event, w, ENDPOINTS_WITHOUT_ORGANISATION, null, OF_COMMUNITY)
                .chain(() -> InOrder.each(partnersWanting, partner -> {
                    WarningIssued own = new WarningIssued(w.communityId(), w.warningId(), w.type(), w.level(),
                            w.from(), w.until(), w.issuedAt(), w.onDuty().stream()
                                    .filter(d -> partner.equals(d.organisationId())).toList());
                    return queue(event, own, ENDPOINTS_OF_ORGANISATION, partner, OF_COMMUNITY);
                }));
    }

    /** Every party called to the meeting hears of it (also on its endpoints of another community); an integrator too. */
    private Uni<Void> meeting(InboundEvent<MeetingConvened> event, Set<String> partnersWanting) {
        MeetingConvened m = event.data();
        return queue(event, m, ENDPOINTS_WITHOUT_ORGANISATION, null, OF_COMMUNITY)
                .chain(() -> InOrder.each(m.parties().stream().filter(partnersWanting::contains).toList(),
                        party -> queue(event, m, ENDPOINTS_OF_ORGANISATION, party, OF_COMMUNITY_OR_SERVING_IT)));
    }

    private static final String SUBSCRIBED = """
             (e.event_types = '*' or position(',' || :type || ',' in ',' || e.event_types || ',') > 0
                   or position(',*,' in ',' || e.event_types || ',') > 0)""";
    private static final String ENDPOINTS_WITHOUT_ORGANISATION = "(e.organisation_id is null and :org is null)";
    private static final String ENDPOINTS_OF_ORGANISATION = "(e.organisation_id = :org)";
    private static final String OF_COMMUNITY = "e.community_id = :community";
    /** An endpoint of the community, or one of the organisation whose token also named the community. */
    private static final String OF_COMMUNITY_OR_SERVING_IT = """
            (e.community_id = :community or (e.organisation_id = :org
                   and position(',' || :community || ',' in ',' || e.communities || ',') > 0))""";

    private Uni<Void> queue(InboundEvent<?> event, Object data, String audience, String org, String reach) {
        return queue(event, data, audience.replace(":org is null", "cast(:org as text) is null"), org, null,
                reach.replace(":org", "cast(:org as text)"));
    }

    /**
     * One message per active, subscribed endpoint of the {@code audience} within {@code reach}; a redelivered event
     * queues nothing.
     */
    private Uni<Void> queue(InboundEvent<?> event, Object data, String audience, String org, Boolean broadcast,
            String reach) {
        String payload;
        try {
            ObjectNode body = json.createObjectNode().put("type", event.type().ceType())
                    .put("timestamp", (event.time() == null ? clock.instant() : event.time()).toString());
            body.set("data", json.valueToTree(data));
            payload = json.writeValueAsString(body);
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        Instant now = clock.instant();
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery("""
                            insert into webhook_delivery (id, endpoint_id, message_id, event_id, event_type, payload,
                                status, next_attempt_at, created_at, updated_at)
                            select gen_random_uuid(), e.id, 'msg_' || :event, :event, :type, :payload, 'PENDING', :now,
                                :now, :now
                            from webhook_endpoint e
                            where\s""" + reach + " and e.status = 'ACTIVE' and" + SUBSCRIBED + """
                              and\s""" + audience + """
                            on conflict (endpoint_id, event_id) do nothing""")
                    .setParameter("event", event.id()).setParameter("type", event.type().ceType())
                    .setParameter("payload", payload).setParameter("now", now)
                    .setParameter("community", event.data().communityId()).setParameter("org", org);
            if (broadcast != null) {
                query.setParameter("broadcast", broadcast);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
