package org.gongzhi.request.request;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** This service's projection of a task some party or volunteer holds on a request. */
@Entity
@Table(name = "track_task")
public class TrackTask extends PanacheEntityBase {
    @Id
    @Column(name = "task_id")
    public String taskId;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    public String role;
    public String status;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The deadlines the party holds now: set when assigned, moved by {@code task.deadline-changed}. */
    @Column(name = "acknowledge_by")
    public Instant acknowledgeBy;
    @Column(name = "complete_by")
    public Instant completeBy;
    @Column(name = "deadlines_changed_at")
    public Instant deadlinesChangedAt;
    /** The latest escalation step (0 none, 1 backup contact, 2 community secretary, 3 joint "whistle" meeting). */
    @Column(name = "escalation_level")
    public int escalationLevel;
    @Column(name = "escalation_reason")
    public String escalationReason;
    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** Still the party's to do: not completed, declined or cancelled. */
    public boolean isOpen() {
        return !"COMPLETED".equals(status) && !"DECLINED".equals(status) && !"CANCELLED".equals(status);
    }

    /** Who it is, in words: the organisation's name when known. */
    public String party() {
        return organisationName == null || organisationName.isBlank() ? organisationId : organisationName;
    }
}
