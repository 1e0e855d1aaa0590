package org.gongzhi.notification.board;

import static org.gongzhi.notification.board.NativeUpdate.run;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gongzhi.events.FollowUpRecorded;
import org.gongzhi.events.RequestAcknowledged;
import org.gongzhi.events.RequestRecategorised;
import org.gongzhi.events.RequestReopened;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.notification.projection.Projection;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * The dispatcher's board of requests, kept from the events: status, lead party, deadlines, when it was responded to
 * and resolved, and the return visits (the lead party comes with the lead task, which {@link WorkloadBoard} writes in
 * the same statement as the task). Rebuildable: replaying the topics from the start gives the same board (a
 * request's events share a key, so they replay in the same order; older changes never overwrite newer ones).
 */
@ApplicationScoped
public class RequestBoard implements Projection {

    @Override
    public Kind kind() {
        return Kind.READ_MODEL;
    }

    @Override
    public List<String> tables() {
        return List.of("request_board", "follow_up");
    }

    @Override
    public void register(EventRoutes routes) {
        routes.on(RequestSubmitted.class, this::submitted)
                .on(RequestStatusChanged.class, this::statusChanged)
                .on(RequestRecategorised.class, this::recategorised)
                .on(RequestAcknowledged.class, this::acknowledged)
                .on(RequestReopened.class, this::reopened)
                .on(FollowUpRecorded.class, this::followedUp);
    }

    private Uni<Void> submitted(InboundEvent<RequestSubmitted> event) {
        RequestSubmitted r = event.data();
        return run("""
                insert into request_board (request_id, community_id, category, building, unit, status, urgency,
                    resident_id, respond_by, resolve_by, submitted_at, updated_at)
                values (:id, :community, :category, :building, :unit, :submitted, :urgency, :resident,
                    :respondBy, :resolveBy, :at, :at)
                on conflict (request_id) do update set category = excluded.category,
                    building = excluded.building, unit = excluded.unit, urgency = excluded.urgency,
                    resident_id = excluded.resident_id, respond_by = excluded.respond_by,
                    resolve_by = excluded.resolve_by, submitted_at = excluded.submitted_at""",
                "id", r.requestId(), "community", r.communityId(), "category", r.category(),
                "building", r.building(), "unit", r.unit(), "urgency", r.urgency(), "resident", r.residentId(),
                "respondBy", r.respondBy(), "resolveBy", r.resolveBy(), "at", r.submittedAt(),
                "submitted", RequestStatus.SUBMITTED.wire());
    }

    private Uni<Void> statusChanged(InboundEvent<RequestStatusChanged> event) {
        RequestStatusChanged s = event.data();
        RequestStatus to = s.toStatus();
        // responded: a worker acknowledged it or work started; resolved: every track done; a reopen undoes that;
        // merged: the master's id, cleared when the merge is undone
        return run("""
                insert into request_board (request_id, community_id, category, building, status, updated_at,
                    merged_into)
                values (:id, :community, :category, :building, :status, :at, :mergedInto)
                on conflict (request_id) do update set status = excluded.status,
                    updated_at = excluded.updated_at, merged_into = excluded.merged_into,
                    responded_at = case when :responded
                        then least(coalesce(request_board.responded_at, excluded.updated_at),
                            excluded.updated_at)
                        else request_board.responded_at end,
                    resolved_at = case when :resolved then excluded.updated_at
                        when :reopened then null else request_board.resolved_at end,
                    closed_at = case when :closed then excluded.updated_at
                        when :reopened then null else request_board.closed_at end
                where request_board.updated_at <= excluded.updated_at""",
                "id", s.requestId(), "community", s.communityId(), "category", s.category(),
                "building", s.building(), "status", s.to(), "at", s.changedAt(), "mergedInto", s.mergedInto(),
                "responded", to == RequestStatus.ACKNOWLEDGED || to == RequestStatus.IN_PROGRESS,
                "resolved", to == RequestStatus.RESOLVED, "reopened", to == RequestStatus.REOPENED,
                "closed", to == RequestStatus.CLOSED);
    }

    private Uni<Void> recategorised(InboundEvent<RequestRecategorised> event) {
        RequestRecategorised r = event.data();
        // the submission time stays; the category, urgency and deadlines are the re-triaged ones
        return run("""
                update request_board set category = :category, urgency = :urgency, respond_by = :respondBy,
                    resolve_by = :resolveBy where request_id = :id""",
                "id", r.requestId(), "category", r.category(), "urgency", r.urgency(),
                "respondBy", r.respondBy(), "resolveBy", r.resolveBy());
    }

    private Uni<Void> acknowledged(InboundEvent<RequestAcknowledged> event) {
        RequestAcknowledged a = event.data();
        // the first response of a request already routed: its status stays
        return run("""
                update request_board set responded_at = least(coalesce(responded_at, :at), :at)
                where request_id = :id""", "id", a.requestId(), "at", a.acknowledgedAt());
    }

    private Uni<Void> reopened(InboundEvent<RequestReopened> event) {
        RequestReopened r = event.data();
        return run("update request_board set reopened = reopened + 1, resolved_at = null, closed_at = null "
                + "where request_id = :id", "id", r.requestId());
    }

    private Uni<Void> followedUp(InboundEvent<FollowUpRecorded> event) {
        FollowUpRecorded f = event.data();
        return run("""
                insert into follow_up (event_id, community_id, request_id, solved, satisfied, visited_at)
                values (:event, :community, :request, :solved, :satisfied, :at) on conflict do nothing""",
                "event", event.id(), "community", f.communityId(), "request", f.requestId(),
                "solved", f.solved(), "satisfied", f.satisfied(), "at", f.visitedAt());
    }
}
