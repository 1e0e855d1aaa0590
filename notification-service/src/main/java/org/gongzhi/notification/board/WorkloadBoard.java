package org.gongzhi.notification.board;

import static org.gongzhi.notification.board.NativeUpdate.run;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskDeadlineChanged;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.events.VisitId;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerOffered;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.events.VolunteeringEvent;
import org.gongzhi.notification.projection.Projection;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * The alliance's and the volunteers' work, kept from the events: every task with its deadlines and when it was
 * acknowledged and completed, every volunteer offer. A party acting on a task, or a volunteer accepting, is the
 * request's first response when nothing came before; a lead task puts its party on the request's board. What an event
 * changes on both boards it changes in one statement (the task's or offer's part as its {@code with} part). A
 * check-on-neighbour visit's offers are kept by their visit id ({@code visit_id}); a visit is no request, so it puts
 * nothing on the request's board.
 */
@ApplicationScoped
public class WorkloadBoard implements Projection {

    @Override
    public Kind kind() {
        return Kind.READ_MODEL;
    }

    @Override
    public List<String> tables() {
        return List.of("task_board", "volunteer_board");
    }

    @Override
    public void register(EventRoutes routes) {
        routes.on(TaskAssigned.class, this::assigned)
                .on(TaskStatusChanged.class, this::taskChanged)
                .on(TaskDeadlineChanged.class, this::deadlineChanged)
                .on(TaskEscalated.class, this::escalated)
                .on(VolunteerOffered.class, this::offered)
                .on(VolunteerAccepted.class, this::accepted)
                .on(VolunteerCompleted.class, this::completed)
                .on(VolunteerUnmatched.class, this::unmatched);
    }

    private Uni<Void> assigned(InboundEvent<TaskAssigned> event) {
        TaskAssigned t = event.data();
        String task = """
                insert into task_board (task_id, community_id, request_id, organisation_id, organisation_name, role,
                    status, acknowledge_by, complete_by, assigned_at, updated_at)
                values (:id, :community, :request, :org, :name, :role, :assigned, :ackBy, :completeBy, :at, :at)
                on conflict (task_id) do update set organisation_name = excluded.organisation_name,
                    acknowledge_by = excluded.acknowledge_by, complete_by = excluded.complete_by""";
        if (t.taskRole() != TaskRole.LEAD) {
            return run(task, "id", t.taskId(), "community", t.communityId(), "request", t.requestId(),
                    "org", t.organisationId(), "name", t.organisationName(), "role", t.role(),
                    "assigned", TaskStatus.ASSIGNED.wire(), "ackBy", t.acknowledgeBy(),
                    "completeBy", t.completeBy(), "at", t.assignedAt());
        }
        // the lead party goes on the request's board in the same statement; tasks travel on another topic and may
        // be read before the submission: keep a stub until it comes
        return run("with task as (" + task + """
                )
                insert into request_board (request_id, community_id, category, building, status, lead_party,
                    lead_org, updated_at)
                values (:request, :community, :category, :building, :submitted, :lead, :org, '-infinity')
                on conflict (request_id) do update set lead_party = excluded.lead_party,
                    lead_org = excluded.lead_org""",
                "id", t.taskId(), "community", t.communityId(), "request", t.requestId(),
                "org", t.organisationId(), "name", t.organisationName(), "role", t.role(),
                "assigned", TaskStatus.ASSIGNED.wire(), "submitted", RequestStatus.SUBMITTED.wire(),
                "ackBy", t.acknowledgeBy(), "completeBy", t.completeBy(), "at", t.assignedAt(),
                "category", t.category(), "building", t.building(),
                "lead", t.organisationName() == null ? t.organisationId() : t.organisationName());
    }

    private Uni<Void> taskChanged(InboundEvent<TaskStatusChanged> event) {
        TaskStatusChanged c = event.data();
        String task = """
                update task_board set status = :status, updated_at = :at,
                    acknowledged_at = case when :responded then coalesce(acknowledged_at, :at)
                        else acknowledged_at end,
                    completed_at = case when :completed then :at else completed_at end
                where task_id = :id and updated_at <= :at""";
        boolean completed = c.taskStatus() == TaskStatus.COMPLETED;
        if (!c.taskStatus().isResponse()) {
            return run(task, "status", c.status(), "at", c.changedAt(), "responded", false, "completed", completed,
                    "id", c.taskId());
        }
        // and the request's first response, in the same statement
        return run("with task as (" + task + ")\n" + RESPONDED,
                "status", c.status(), "at", c.changedAt(), "responded", true, "completed", completed,
                "id", c.taskId(), "community", c.communityId(), "request", c.requestId(),
                "submitted", RequestStatus.SUBMITTED.wire());
    }

    private Uni<Void> deadlineChanged(InboundEvent<TaskDeadlineChanged> event) {
        TaskDeadlineChanged d = event.data();
        // the task's moved deadlines (the rates keep the originals); for the lead task, the board's countdown too
        // (one statement: the role the request's update checks is not one the task's update changes)
        return run("""
                with task as (
                    update task_board
                    set moved_acknowledge_by = coalesce(cast(:ackBy as timestamptz), moved_acknowledge_by),
                        moved_complete_by = coalesce(cast(:completeBy as timestamptz), moved_complete_by),
                        deadline_moved_at = :at
                    where task_id = :id and (deadline_moved_at is null or deadline_moved_at <= :at)
                )
                update request_board
                set moved_respond_by = coalesce(cast(:ackBy as timestamptz), moved_respond_by),
                    moved_resolve_by = coalesce(cast(:completeBy as timestamptz), moved_resolve_by),
                    deadline_moved_at = :at
                where request_id = :request
                  and (deadline_moved_at is null or deadline_moved_at <= :at)
                  and exists (select 1 from task_board where task_id = :id and role = :lead)""",
                "ackBy", d.acknowledgeBy(), "completeBy", d.completeBy(), "at", d.changedAt(), "id", d.taskId(),
                "request", d.requestId(), "lead", TaskRole.LEAD.wire());
    }

    private Uni<Void> escalated(InboundEvent<TaskEscalated> event) {
        TaskEscalated e = event.data();
        return run("update task_board set escalation_level = greatest(escalation_level, :level) "
                + "where task_id = :id", "level", e.level(), "id", e.taskId());
    }

    private Uni<Void> offered(InboundEvent<VolunteerOffered> event) {
        VolunteerOffered o = event.data();
        return run("""
                insert into volunteer_board (offer_id, community_id, request_id, visit_id, volunteer_id, status,
                    expires_at, updated_at)
                values (:id, :community, :request, :visit, :volunteer, :status, :expires, :at)
                on conflict (offer_id) do nothing""",
                "id", o.offerId(), "community", o.communityId(), "request", request(o), "visit", visit(o),
                "volunteer", o.volunteerId(), "status", OfferState.OFFERED.name(), "expires", o.expiresAt(),
                "at", o.offeredAt());
    }

    private Uni<Void> accepted(InboundEvent<VolunteerAccepted> event) {
        VolunteerAccepted a = event.data();
        if (a.visit().isPresent()) {
            return offer(a, a.offerId(), a.volunteerId(), OfferState.ACCEPTED, a.acceptedAt());
        }
        // and the request's first response, in the same statement
        return run("with offer as (" + OFFER + ")\n" + RESPONDED,
                "id", a.offerId(), "community", a.communityId(), "request", a.requestId(), "visit", null,
                "volunteer", a.volunteerId(), "status", OfferState.ACCEPTED.name(), "at", a.acceptedAt(),
                "submitted", RequestStatus.SUBMITTED.wire());
    }

    private Uni<Void> completed(InboundEvent<VolunteerCompleted> event) {
        VolunteerCompleted c = event.data();
        return offer(c, c.offerId(), c.volunteerId(), OfferState.COMPLETED, c.completedAt());
    }

    private Uni<Void> unmatched(InboundEvent<VolunteerUnmatched> event) {
        VolunteerUnmatched u = event.data();
        // the offers still open, of the request or of the visit
        return run("update volunteer_board set status = :unmatched, updated_at = :at where "
                + (u.visit().isPresent() ? "visit_id = :of" : "request_id = :of") + " and status = :offered",
                "unmatched", OfferState.UNMATCHED.name(), "at", u.unmatchedAt(),
                "of", u.visit().map(VisitId::value).orElse(u.requestId()), "offered", OfferState.OFFERED.name());
    }

    private static final String OFFER = """
            insert into volunteer_board (offer_id, community_id, request_id, visit_id, volunteer_id, status,
                updated_at)
            values (:id, :community, :request, :visit, :volunteer, :status, :at)
            on conflict (offer_id) do update set status = excluded.status, updated_at = excluded.updated_at
            where volunteer_board.updated_at <= excluded.updated_at""";

    /**
     * The first response wins; a stub row keeps it when the submission (another topic) is not read yet. Parameters
     * {@code request}, {@code community}, {@code at} and {@code submitted} (the stub's status); it follows the task's or offer's statement as that
     * statement's {@code with} part (the two touch different tables).
     */
    private static final String RESPONDED = """
            insert into request_board (request_id, community_id, status, responded_at, updated_at)
            values (:request, :community, :submitted, :at, '-infinity')
            on conflict (request_id) do update set responded_at = least(
                coalesce(request_board.responded_at, excluded.responded_at), excluded.responded_at)""";

    private static Uni<Void> offer(VolunteeringEvent e, String offerId, String volunteerId, OfferState state,
            Instant at) {
        return run(OFFER, "id", offerId, "community", e.communityId(), "request", request(e), "visit", visit(e),
                "volunteer", volunteerId, "status", state.name(), "at", at);
    }

    /** The request an offer is for; none for a visit's (whose v1 events repeat the visit id there). */
    private static String request(VolunteeringEvent e) {
        return e.visit().isPresent() ? null : e.requestId();
    }

    /** The visit an offer is for, by its own id; none for a request's. */
    private static String visit(VolunteeringEvent e) {
        return e.visit().map(VisitId::value).orElse(null);
    }
}
