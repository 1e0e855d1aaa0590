package org.gongzhi.notification.webhook;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.events.EventType;
import org.gongzhi.notification.webhook.WebhookViews.AttemptView;
import org.gongzhi.notification.webhook.WebhookViews.DeliveryView;
import org.gongzhi.notification.webhook.WebhookViews.NewWebhook;
import org.gongzhi.notification.webhook.WebhookViews.WebhookView;
import org.gongzhi.platform.problem.ProblemException;

/**
 * Registering and managing webhook endpoints. {@code owner} is the partner's organisation, or null for an admin, who
 * sees every endpoint of the community; an endpoint of another organisation is "not found". An endpoint belongs to the
 * community it was registered in; a partner reaches its organisation's endpoints of every community its token serves
 * ({@code communities}: the token's own first), anything else is "not found".
 */
@ApplicationScoped
public class WebhookEndpoints {
    private final Pool pool;
    private final Clock clock;
    private final TargetPolicy targets;
    private final WebhookConfig config;

    WebhookEndpoints(Pool pool, Clock clock, TargetPolicy targets, WebhookConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.targets = targets;
        this.config = config;
    }

    /**
     * A partner's endpoint also hears its organisation's tasks and meetings in the {@code further} communities its
     * token names (none for an admin's).
     */
    public Uni<WebhookView> register(String community, List<String> further, String owner,
            @Valid @NotNull NewWebhook input) {
        targets.check(input.url());
        for (int i = 0; i < input.eventTypes().size(); i++) {
            String type = input.eventTypes().get(i);
            if (!"*".equals(type) && EventType.ofCeType(type).isEmpty()) {
                throw ProblemException.invalid("eventTypes[" + i + "]", "is not an event type: " + type);
            }
        }
        if (owner != null && input.organisationId() != null && !owner.equals(input.organisationId())) {
            throw ProblemException.invalid("organisationId", "a partner registers webhooks of its own organisation");
        }
        String org = owner != null ? owner : input.organisationId();
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        OffsetDateTime now = at(clock.instant());
        return pool.preparedQuery("""
                        insert into webhook_endpoint (id, community_id, organisation_id, url, event_types, secret,
                            status, created_at, updated_at, communities)
                        values ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7, $7, $8)""")
                .execute(Tuple.from(Arrays.asList(id, community, org, input.url(),
                        String.join(",", input.eventTypes()), secret, now, String.join(",", further))))
                .replaceWith(() -> new WebhookView(id.toString(), org, input.url(), input.eventTypes(), "ACTIVE",
                        null, now.toInstant(), secret, served(community, String.join(",", further))));
    }

    public Uni<List<WebhookView>> list(List<String> communities, String owner) {
        return pool.preparedQuery("""
                        select * from webhook_endpoint where community_id = any($1)
                          and ($2::text is null or organisation_id = $2) order by created_at""")
                .execute(Tuple.of(communities.toArray(String[]::new), owner))
                .map(rows -> {
                    List<WebhookView> list = new ArrayList<>();
                    rows.forEach(r -> list.add(view(r, null)));
                    return list;
                });
    }

    public Uni<WebhookView> get(List<String> communities, String owner, String id) {
        return endpoint(communities, owner, id).map(r -> view(r, null));
    }

    public Uni<Void> delete(List<String> communities, String owner, String id) {
        return endpoint(communities, owner, id).chain(r -> pool.preparedQuery(
                "delete from webhook_endpoint where id = $1").execute(Tuple.of(r.getUUID("id")))).replaceWithVoid();
    }

    /** A new secret; the old one keeps signing alongside it for the grace period. */
    public Uni<WebhookView> rotate(List<String> communities, String owner, String id) {
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        return endpoint(communities, owner, id).chain(r -> pool.preparedQuery("""
                        update webhook_endpoint set previous_secret = secret, previous_secret_until = $2, secret = $3,
                            updated_at = $4 where id = $1 returning *""")
                .execute(Tuple.of(r.getUUID("id"), at(now.plus(config.secretGrace())), secret, at(now))))
                .map(rows -> view(rows.iterator().next(), secret));
    }

    public Uni<List<DeliveryView>> deliveries(List<String> communities, String owner, String id, int limit) {
        return endpoint(communities, owner, id).chain(r -> pool.preparedQuery("""
                        select d.*, a.attempted_at, a.status_code, a.error, a.duration_ms
                        from (select * from webhook_delivery where endpoint_id = $1 order by created_at desc, id
                              limit $2) d
                        left join webhook_attempt a on a.delivery_id = d.id
                        order by d.created_at desc, d.id, a.id""")
                .execute(Tuple.of(r.getUUID("id"), limit)))
                .map(rows -> {
                    Map<UUID, DeliveryView> deliveries = new LinkedHashMap<>();
                    for (Row r : rows) {
                        DeliveryView d = deliveries.computeIfAbsent(r.getUUID("id"), k -> new DeliveryView(
                                k.toString(), r.getString("message_id"), r.getString("event_id"),
                                r.getString("event_type"), r.getString("status"), r.getInteger("attempts"),
                                instant(r, "next_attempt_at"), r.getInteger("last_status"), r.getString("last_error"),
                                instant(r, "delivered_at"), new ArrayList<>()));
                        if (r.getOffsetDateTime("attempted_at") != null) {
                            d.log().add(new AttemptView(instant(r, "attempted_at"), r.getInteger("status_code"),
                                    r.getString("error"), r.getInteger("duration_ms")));
                        }
                    }
                    return new ArrayList<>(deliveries.values());
                });
    }

    /** Sends a delivery again, soon, with the same message id (receivers deduplicate on it). */
    public Uni<Void> redeliver(List<String> communities, String owner, String id, String deliveryId) {
        UUID delivery = uuid(deliveryId, "delivery");
        return endpoint(communities, owner, id).chain(r -> {
            if (!"ACTIVE".equals(r.getString("status"))) {
                throw ProblemException.conflict("the endpoint is " + r.getString("status") + ": "
                        + r.getString("disabled_reason"));
            }
            return pool.preparedQuery("""
                            update webhook_delivery set status = 'PENDING', next_attempt_at = $3, updated_at = $3
                            where id = $1 and endpoint_id = $2 and status <> 'SENDING'""")
                    .execute(Tuple.of(delivery, r.getUUID("id"), at(clock.instant())));
        }).map(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound("delivery", deliveryId);
            }
            return null;
        });
    }

    /**
     * Re-enables an endpoint that was disabled (a 410, or a target refused at send time): its target is checked again
     * first (400 when still refused); messages still waiting are sent again. Enabling an active endpoint changes
     * nothing.
     */
    public Uni<WebhookView> enable(List<String> communities, String owner, String id) {
        return endpoint(communities, owner, id)
                .chain(r -> Uni.createFrom().item(() -> {
                    targets.check(r.getString("url"));
                    return r;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .chain(r -> pool.preparedQuery("""
                                update webhook_endpoint set status = 'ACTIVE', disabled_reason = null,
                                    updated_at = case when status = 'ACTIVE' then updated_at else $2 end
                                where id = $1 returning *""")
                        .execute(Tuple.of(r.getUUID("id"), at(clock.instant()))))
                .map(rows -> view(rows.iterator().next(), null));
    }

    private Uni<Row> endpoint(List<String> communities, String owner, String id) {
        UUID uuid = uuid(id, "webhook");
        return pool.preparedQuery("""
                        select * from webhook_endpoint where id = $1 and community_id = any($2)
                          and ($3::text is null or organisation_id = $3)""")
                .execute(Tuple.of(uuid, communities.toArray(String[]::new), owner))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound("webhook", id);
                    }
                    return rows.iterator().next();
                });
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, id);
        }
    }

    private static WebhookView view(Row r, String secret) {
        return new WebhookView(r.getUUID("id").toString(), r.getString("organisation_id"), r.getString("url"),
                List.of(r.getString("event_types").split(",")), r.getString("status"),
                r.getString("disabled_reason"), instant(r, "created_at"), secret,
                served(r.getString("community_id"), r.getString("communities")));
    }

    /** The communities an endpoint hears its organisation in: its own, then the further ones. */
    private static List<String> served(String community, String further) {
        List<String> all = new ArrayList<>(List.of(community));
        Arrays.stream(further.split(",")).filter(c -> !c.isBlank() && !c.equals(community)).forEach(all::add);
        return all;
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
