package org.gongzhi.notification.board;

import static org.gongzhi.notification.board.NativeUpdate.run;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskDeadlineChanged;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerOffered;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * The alliance's and the volunteers' work, kept from the events: every task with its deadlines and when it was
 * acknowledged and completed, every volunteer offer. A party acting on a task, or a volunteer accepting, is the
 * request's first response when nothing came before.
 */
@ApplicationScoped
public class WorkloadBoard {
    private static final Set<String> RESPONSES = Set.of("ACKNOWLEDGED", "IN_PROGRESS", "COMPLETED");

    /** Runs inside the consumer's transaction. */
    public Uni<Void> apply(InboundEvent<?> event) {
        if (event.data() instanceof TaskAssigned t) {
            return run("""
                    insert into task_board (task_id, community_id, request_id, organisation_id, organisation_name, role,
                        status, acknowledge_by, complete_by, assigned_at, updated_at)
                    values (:id, :community, :request, :org, :name, :role, 'ASSIGNED', :ackBy, :completeBy, :at, :at)
                    on conflict (task_id) do update set organisation_name = excluded.organisation_name,
                        acknowledge_by = excluded.acknowledge_by, complete_by = excluded.complete_by""",
                    "id", t.taskId(), "community", t.communityId(), "request", t.requestId(),
                    "org", t.organisationId(), "name", t.organisationName(), "role", t.role(),
                    "ackBy", t.acknowledgeBy(), "completeBy", t.completeBy(), "at", t.assignedAt());
        }
        if (event.data() instanceof TaskStatusChanged c) {
            Uni<Void> task = run("""
                    update task_board set status = :status, updated_at = :at,
                        acknowledged_at = case when :responded then coalesce(acknowledged_at, :at)
                            else acknowledged_at end,
                        completed_at = case when :status = 'COMPLETED' then :at else completed_at end
                    where task_id = :id and updated_at <= :at""",
                    "status", c.status(), "at", c.changedAt(), "responded", RESPONSES.contains(c.status()),
                    "id", c.taskId());
            return RESPONSES.contains(c.status()) ? task.chain(() -> responded(c.communityId(), c.requestId(), c.changedAt())) : task;
        }
        if (event.data() instanceof TaskDeadlineChanged d) {
            // the task's moved deadlines (the rates keep the originals); for the lead task, the board's countdown too
            return run("""
                    update task_board
                    set moved_acknowledge_by = coalesce(cast(:ackBy as timestamptz), moved_acknowledge_by),
                        moved_complete_by = coalesce(cast(:completeBy as timestamptz), moved_complete_by),
                        deadline_moved_at = :at
                    where task_id = :id and (deadline_moved_at is null or deadline_moved_at <= :at)""",
                    "ackBy", d.acknowledgeBy(), "completeBy", d.completeBy(), "at", d.changedAt(), "id", d.taskId())
                    .chain(() -> run("""
                            update request_board
                            set moved_respond_by = coalesce(cast(:ackBy as timestamptz), moved_respond_by),
                                moved_resolve_by = coalesce(cast(:completeBy as timestamptz), moved_resolve_by),
                                deadline_moved_at = :at
                            where request_id = :request
                              and (deadline_moved_at is null or deadline_moved_at <= :at)
                              and exists (select 1 from task_board where task_id = :id and role = 'LEAD')""",
                            "ackBy", d.acknowledgeBy(), "completeBy", d.completeBy(), "at", d.changedAt(),
                            "request", d.requestId(), "id", d.taskId()));
        }
        if (event.data() instanceof TaskEscalated e) {
            return run("update task_board set escalation_level = greatest(escalation_level, :level) "
                    + "where task_id = :id", "level", e.level(), "id", e.taskId());
        }
        if (event.data() instanceof VolunteerOffered o) {
            return run("""
                    insert into volunteer_board (offer_id, community_id, request_id, volunteer_id, status, expires_at,
                        updated_at)
                    values (:id, :community, :request, :volunteer, 'OFFERED', :expires, :at)
                    on conflict (offer_id) do nothing""",
                    "id", o.offerId(), "community", o.communityId(), "request", o.requestId(),
                    "volunteer", o.volunteerId(), "expires", o.expiresAt(), "at", o.offeredAt());
        }
        if (event.data() instanceof VolunteerAccepted a) {
            return offer(a.offerId(), a.communityId(), a.requestId(), a.volunteerId(), "ACCEPTED", a.acceptedAt())
                    .chain(() -> responded(a.communityId(), a.requestId(), a.acceptedAt()));
        }
        if (event.data() instanceof VolunteerCompleted c) {
            return offer(c.offerId(), c.communityId(), c.requestId(), c.volunteerId(), "COMPLETED", c.completedAt());
        }
        if (event.data() instanceof VolunteerUnmatched u) {
            return run("update volunteer_board set status = 'UNMATCHED', updated_at = :at "
                    + "where request_id = :request and status = 'OFFERED'", "at", u.unmatchedAt(),
                    "request", u.requestId());
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> offer(String offerId, String community, String request, String volunteer, String status,
            Instant at) {
        return run("""
                insert into volunteer_board (offer_id, community_id, request_id, volunteer_id, status, updated_at)
                values (:id, :community, :request, :volunteer, :status, :at)
                on conflict (offer_id) do update set status = excluded.status, updated_at = excluded.updated_at
                where volunteer_board.updated_at <= excluded.updated_at""",
                "id", offerId, "community", community, "request", request, "volunteer", volunteer, "status", status,
                "at", at);
    }

    /** The first response wins; a stub row keeps it when the submission (another topic) is not read yet. */
    private static Uni<Void> responded(String community, String requestId, Instant at) {
        return run("""
                insert into request_board (request_id, community_id, status, responded_at, updated_at)
                values (:id, :community, 'SUBMITTED', :at, '-infinity')
                on conflict (request_id) do update set responded_at = least(
                    coalesce(request_board.responded_at, excluded.responded_at), excluded.responded_at)""",
                "id", requestId, "community", community, "at", at);
    }
}
