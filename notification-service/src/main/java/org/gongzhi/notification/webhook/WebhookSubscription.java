package org.gongzhi.notification.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * What an endpoint subscribed to: the few columns of {@code webhook_endpoint} the writer checks before queueing. Read
 * with HQL projections only ({@link WebhookEndpoints} writes the table through the SQL client).
 */
@Entity
@Immutable
@Table(name = "webhook_endpoint")
public class WebhookSubscription extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "community_id")
    public String communityId;

    @Column(name = "organisation_id")
    public String organisationId;

    /** Further communities, comma-separated, whose events naming the organisation the endpoint hears too. */
    public String communities;

    @Column(name = "event_types")
    public String eventTypes;

    public String status;
}
