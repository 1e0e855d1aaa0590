package org.gongzhi.request.request;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Requests, their timelines and task projections. */
@ApplicationScoped
@WithSession
public class RequestRepository implements PanacheRepositoryBase<ResidentRequest, UUID> {

    public Uni<ResidentRequest> byIdempotencyKey(String createdBy, String key) {
        return find("createdBy = ?1 and idempotencyKey = ?2", createdBy, key).firstResult();
    }

    public Uni<List<TimelineEntry>> timeline(UUID requestId) {
        return TimelineEntry.list("requestId = ?1 order by at, id", requestId);
    }

    public Uni<List<TrackTask>> tasks(UUID requestId) {
        return TrackTask.list("requestId = ?1 order by role, organisationId", requestId);
    }

    public Uni<TrackTask> task(String taskId) {
        return TrackTask.findById(taskId);
    }

    public Uni<Boolean> orgHoldsTask(UUID requestId, String organisationId) {
        return TrackTask.count("requestId = ?1 and organisationId = ?2 and status not in ('DECLINED', 'CANCELLED')",
                requestId, organisationId).map(n -> n > 0);
    }

    /** Adds the entry unless its event already added one. */
    public Uni<Void> addToTimeline(TimelineEntry entry) {
        if (entry.eventId == null) {
            return entry.persist().replaceWithVoid();
        }
        return TimelineEntry.count("requestId = ?1 and eventId = ?2", entry.requestId, entry.eventId)
                .chain(n -> n > 0 ? Uni.createFrom().voidItem() : entry.persist().replaceWithVoid());
    }
}
