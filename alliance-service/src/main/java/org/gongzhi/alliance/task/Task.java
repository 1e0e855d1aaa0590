package org.gongzhi.alliance.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.platform.problem.ProblemException;

/** One party's part in a request: lead or support, with an acknowledge and a completion deadline. */
@Entity
public class Task extends PanacheEntityBase {
    public static final String LEAD = "LEAD";
    public static final String SUPPORT = "SUPPORT";

    @Id
    public UUID id;
    @Column(name = "community_id")
    public String communityId;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    public String role;
    public int round;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    public String category;
    public String building;
    @Column(name = "acknowledge_by")
    public Instant acknowledgeBy;
    @Column(name = "complete_by")
    public Instant completeBy;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "escalation_level")
    public int escalationLevel;
    public boolean overdue;
    /** The latest note: progress, the reason of a decline or a cancellation. */
    public String note;
    @Version
    public long version;

    /** Moves the task or refuses with 409. */
    public void moveTo(TaskStatus next, Instant at, String note) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("task " + id + " is " + status + " and cannot become " + next);
        }
        if (acknowledgedAt == null && (next == TaskStatus.ACKNOWLEDGED || next == TaskStatus.IN_PROGRESS)) {
            acknowledgedAt = at;
        }
        if (next == TaskStatus.COMPLETED) {
            completedAt = at;
        }
        status = next;
        updatedAt = at;
        if (note != null && !note.isBlank()) {
            this.note = note.strip();
        }
    }
}
