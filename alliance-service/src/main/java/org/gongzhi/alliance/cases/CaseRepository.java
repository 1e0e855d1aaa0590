package org.gongzhi.alliance.cases;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.gongzhi.events.TimeLimits;
import org.hibernate.reactive.common.AffectedEntities;

/** The alliance's cases, one per request, and the time limits kept for requests it may be handed later. */
@ApplicationScoped
@WithSession
public class CaseRepository implements PanacheRepositoryBase<AllianceCase, String> {

    public Uni<AllianceCase> findCase(String requestId) {
        return findById(requestId);
    }

    /**
     * Opens a new case unless the request has one already, in one statement: the primary key decides, so there is no
     * look-up first. True if it was opened now. The row is written at once; the session does not manage it.
     */
    public Uni<Boolean> openCase(AllianceCase c) {
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into alliance_case (request_id, community_id, category, building, respond_by, resolve_by,
                                                   round, status, opened_at)
                        values (:request, :community, :category, :building, :respondBy, :resolveBy,
                                :round, :status, :openedAt)
                        on conflict do nothing""", new AffectedEntities(AllianceCase.class))
                .setParameter("request", c.requestId)
                .setParameter("community", c.communityId)
                .setParameter("category", c.category)
                .setParameter("building", c.building)
                .setParameter("respondBy", c.respondBy)
                .setParameter("resolveBy", c.resolveBy)
                .setParameter("round", c.round)
                .setParameter("status", c.status.name())
                .setParameter("openedAt", c.openedAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Keeps (or replaces) the request's time limits, in one statement. */
    public Uni<Void> keepTimeLimits(String requestId, TimeLimits limits) {
        Duration respond = limits.respond();
        Duration resolve = limits.resolve();
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into request_time_limits (request_id, respond_within_seconds, resolve_within_seconds)
                        values (:request, :respond, :resolve)
                        on conflict (request_id) do update
                        set respond_within_seconds = excluded.respond_within_seconds,
                            resolve_within_seconds = excluded.resolve_within_seconds""",
                        new AffectedEntities(RequestTimeLimits.class))
                .setParameter("request", requestId)
                .setParameter("respond", respond.toSeconds())
                .setParameter("resolve", resolve.toSeconds())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The request's time limits as last published, or null when none were kept. */
    public Uni<Windows> timeLimits(String requestId) {
        return getSession().chain(s -> s.find(RequestTimeLimits.class, requestId))
                .map(kept -> kept == null ? null : kept.windows());
    }
}
