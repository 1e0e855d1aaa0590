package org.gongzhi.notification.board;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * The dispatcher's board of requests, kept from the events: status, lead party, deadlines. Rebuildable: replaying the
 * topics from the start gives the same board (later events overwrite, submissions never overwrite progress).
 */
@ApplicationScoped
public class RequestBoard {

    /** Runs inside the consumer's transaction. */
    public Uni<Void> apply(InboundEvent<?> event) {
        if (event.data() instanceof RequestSubmitted r) {
            return update("""
                    insert into request_board (request_id, community_id, category, building, status, respond_by,
                        resolve_by, submitted_at, updated_at)
                    values (:id, :community, :category, :building, 'SUBMITTED', :respondBy, :resolveBy, :at, :at)
                    on conflict (request_id) do update set category = excluded.category,
                        respond_by = excluded.respond_by, resolve_by = excluded.resolve_by""",
                    "id", r.requestId(), "community", r.communityId(), "category", r.category(),
                    "building", r.building(), "respondBy", r.respondBy(), "resolveBy", r.resolveBy(),
                    "at", r.submittedAt());
        }
        if (event.data() instanceof RequestStatusChanged s) {
            return update("""
                    insert into request_board (request_id, community_id, category, building, status, updated_at)
                    values (:id, :community, :category, :building, :status, :at)
                    on conflict (request_id) do update set status = excluded.status, updated_at = excluded.updated_at
                    where request_board.updated_at <= excluded.updated_at""",
                    "id", s.requestId(), "community", s.communityId(), "category", s.category(),
                    "building", s.building(), "status", s.to(), "at", s.changedAt());
        }
        if (event.data() instanceof TaskAssigned t && TaskAssigned.ROLE_LEAD.equals(t.role())) {
            return update("update request_board set lead_party = :lead where request_id = :id",
                    "lead", t.organisationName() == null ? t.organisationId() : t.organisationName(),
                    "id", t.requestId());
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> update(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i += 2) {
                query.setParameter((String) params[i], params[i + 1]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
