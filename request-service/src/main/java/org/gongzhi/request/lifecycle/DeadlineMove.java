package org.gongzhi.request.lifecycle;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A party's deadlines on a request were moved, with the reason the resident is given. */
@Entity
@Table(name = "deadline_move")
public class DeadlineMove extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "task_id")
    public String taskId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "acknowledge_by")
    public Instant acknowledgeBy;
    @Column(name = "complete_by")
    public Instant completeBy;
    public String reason;
    @Column(name = "changed_at")
    public Instant changedAt;
    /** The event it came from: a redelivered event cannot record the move twice. */
    @Column(name = "event_id")
    public String eventId;
}
