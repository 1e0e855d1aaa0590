package org.gongzhi.request.request;

import org.gongzhi.platform.api.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests, their timelines and task projections. */
@ApplicationScoped
@WithSession
public class RequestRepository implements PanacheRepositoryBase<ResidentRequest, UUID> {

    /** One page of the requests matching the search that the viewer may see. */
    public Uni<Page<ResidentRequest>> search(Viewer viewer, RequestSearch search, Instant now) {
        StringBuilder where = new StringBuilder("communityId = :community");
        Map<String, Object> params = new HashMap<>();
        params.put("community", viewer.community());
        if (!viewer.staff()) {
            if (viewer.org() != null) {
                where.append(" and id in (select t.requestId from TrackTask t where t.organisationId = :org)");
                params.put("org", viewer.org());
            } else {
                where.append(" and residentId = :resident");
                params.put("resident", viewer.id());
            }
        }
        if (search.status != null) {
            where.append(" and status = :status");
            params.put("status", search.status);
        }
        add(where, params, "category", search.category);
        add(where, params, "building", search.building);
        add(where, params, "channel", search.channel);
        if (Boolean.TRUE.equals(search.overdue)) {
            where.append(" and resolveBy < :now and status not in (:done)");
            params.put("now", now);
            params.put("done", List.of(RequestStatus.RESOLVED, RequestStatus.CLOSED, RequestStatus.WITHDRAWN,
                    RequestStatus.REJECTED));
        }
        if (search.createdFrom != null) {
            where.append(" and createdAt >= :from");
            params.put("from", search.createdFrom);
        }
        if (search.createdTo != null) {
            where.append(" and createdAt < :to");
            params.put("to", search.createdTo);
        }
        if (search.text != null && !search.text.isBlank()) {
            where.append(" and lower(description) like :text");
            params.put("text", "%" + search.text.toLowerCase().replace("%", "\\%") + "%");
        }
        String field = search.sort.startsWith("-") ? search.sort.substring(1) : search.sort;
        Sort sort = search.sort.startsWith("-") ? Sort.descending(field, "id") : Sort.ascending(field, "id");
        var query = find(where.toString(), sort, params);
        return query.page(search.page, search.size).list()
                .chain(items -> query.count().map(total -> new Page<>(items, search.page, search.size, total)));
    }

    private static void add(StringBuilder where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }

    /** Open requests of the same category in the same building from the last two weeks, newest first. */
    public Uni<List<UUID>> possibleDuplicates(ResidentRequest r) {
        if (r.building == null) {
            return Uni.createFrom().item(List.of());
        }
        return find("communityId = ?1 and building = ?2 and category = ?3 and id <> ?4 and createdAt >= ?5 "
                        + "and status not in (?6) order by createdAt desc", r.communityId, r.building, r.category, r.id,
                r.createdAt.minus(java.time.Duration.ofDays(14)), List.of(RequestStatus.RESOLVED, RequestStatus.CLOSED,
                        RequestStatus.WITHDRAWN, RequestStatus.REJECTED))
                .page(0, 5).list().map(found -> found.stream().map(x -> x.id).toList());
    }

    public Uni<ResidentRequest> byIdempotencyKey(String createdBy, String key) {
        return find("createdBy = ?1 and idempotencyKey = ?2", createdBy, key).firstResult();
    }

    public Uni<List<TimelineEntry>> timeline(UUID requestId) {
        return TimelineEntry.list("requestId = ?1 order by at, id", requestId);
    }

    public Uni<List<TrackTask>> tasks(UUID requestId) {
        return TrackTask.list("requestId = ?1 order by role, organisationId", requestId);
    }

    public Uni<List<DeadlineMove>> deadlineMoves(UUID requestId) {
        return DeadlineMove.list("requestId = ?1 order by changedAt, id", requestId);
    }

    /** When the track last reported completion on the request; null if it never did. */
    public Uni<Instant> lastCompleted(UUID requestId, String track) {
        return TimelineEntry.<TimelineEntry>find("requestId = ?1 and kind = 'TRACK_COMPLETED' and text = ?2 "
                        + "order by at desc", requestId, track.toLowerCase() + " track completed")
                .firstResult().map(e -> e == null ? null : e.at);
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
