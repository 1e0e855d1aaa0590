package org.gongzhi.request.lifecycle;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;

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
    @Enumerated(EnumType.STRING)
    public TaskRole role;
    /** The latest status the alliance published that this version knows (never {@link TaskStatus#UNKNOWN}). */
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
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
        return status == null || status.isOpen();
    }

    /** Who it is, in words: the organisation's name when known. */
    public String party() {
        return organisationName == null || organisationName.isBlank() ? organisationId : organisationName;
    }
}
