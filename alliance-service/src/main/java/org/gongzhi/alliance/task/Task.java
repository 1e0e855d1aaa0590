package org.gongzhi.alliance.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;

/**
 * One party's part in a request: lead or support, with an acknowledge and a completion deadline. Its status and role
 * are the published vocabulary's ({@code events}); the steps a task may take are the alliance's own rule, here.
 */
@Entity
public class Task extends PanacheEntityBase {
    /** The life of a task: ASSIGNED → ACKNOWLEDGED → IN_PROGRESS → COMPLETED, or DECLINED, or CANCELLED. */
    private static final Map<TaskStatus, Set<TaskStatus>> STEPS = Map.of(
            TaskStatus.ASSIGNED, EnumSet.of(TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS, TaskStatus.DECLINED,
                    TaskStatus.CANCELLED),
            TaskStatus.ACKNOWLEDGED, EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED, TaskStatus.DECLINED,
                    TaskStatus.CANCELLED),
            TaskStatus.IN_PROGRESS, EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED, TaskStatus.CANCELLED));

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
    @Enumerated(EnumType.STRING)
    public TaskRole role;
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
        if (!canStep(status, next)) {
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

    /** Whether a task may go from one status to the next (a finished task goes nowhere). */
    static boolean canStep(TaskStatus from, TaskStatus next) {
        return STEPS.getOrDefault(from, Set.of()).contains(next);
    }

    /**
     * Whether the task is the caller's to see and act on: staff act for the whole of their community, a partner for
     * its own organisation in every community its token serves ({@link Caller#serves}).
     */
    public boolean isFor(Caller caller) {
        return caller.staff() ? communityId.equals(caller.community())
                : caller.org() != null && organisationId.equals(caller.org()) && caller.serves(communityId);
    }

    /** The lead party's task (牵头). */
    public boolean isLead() {
        return role == TaskRole.LEAD;
    }
}
