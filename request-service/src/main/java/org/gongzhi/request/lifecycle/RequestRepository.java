package org.gongzhi.request.lifecycle;

import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.api.PageQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.platform.persistence.TextFilter;
import org.gongzhi.platform.security.Caller;

/** Requests, their timelines and task projections. */
@ApplicationScoped
@WithSession
public class RequestRepository implements PanacheRepositoryBase<ResidentRequest, UUID> {
    /** The statuses are literals, not a list parameter: Hibernate then keeps the translated query. */
    private static final String DUPLICATES = """
            select r.id from ResidentRequest r where r.communityId = ?1 and r.building = ?2 and r.category = ?3
            and r.id <> ?4 and r.createdAt >= ?5
            and r.status not in (%1$s.RESOLVED, %1$s.CLOSED, %1$s.WITHDRAWN, %1$s.REJECTED, %1$s.MERGED)
            %2$s order by r.createdAt desc""";
    /** The statuses a request is done in, spelled out for the same reason. */
    private static final String DONE = "(%1$s.RESOLVED, %1$s.CLOSED, %1$s.WITHDRAWN, %1$s.REJECTED, %1$s.MERGED)"
            .formatted(RequestStatus.class.getName());
    /** A party's task statuses that are a response (it acted on the task), spelled out for the same reason. */
    private static final String RESPONSES = "(%1$s.ACKNOWLEDGED, %1$s.IN_PROGRESS, %1$s.COMPLETED)"
            .formatted(TaskStatus.class.getName());
    /** A party's task statuses that end its part without doing it (declined or cancelled). */
    public static final String GIVEN_UP = "(%1$s.DECLINED, %1$s.CANCELLED)".formatted(TaskStatus.class.getName());
    /** Any resident's, for staff. */
    private static final String DUPLICATES_ANY = DUPLICATES.formatted(RequestStatus.class.getName(), "");
    /** The resident's own only: a resident is never handed other residents' request ids. */
    private static final String DUPLICATES_OWN = DUPLICATES.formatted(RequestStatus.class.getName(),
            "and r.residentId = ?6");

    /**
     * One page of the requests matching the search that the caller may see, in two queries (the total, the page),
     * both kept in Hibernate's plan cache: no Panache {@code count()}, no list parameter.
     */
    public Uni<Page<ResidentRequest>> search(Caller caller, RequestSearch search, Instant now) {
        StringBuilder where = new StringBuilder("communityId = :community");
        Map<String, Object> params = new HashMap<>();
        params.put("community", caller.community());
        if (!caller.staff()) {
            if (caller.org() != null) {
                where.append(" and id in (select t.requestId from TrackTask t where t.organisationId = :org)");
                params.put("org", caller.org());
            } else {
                where.append(" and residentId = :resident");
                params.put("resident", caller.id());
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
            where.append(" and resolveBy < :now and status not in ").append(DONE);
            params.put("now", now);
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
            where.append(" and lower(description) like :text").append(TextFilter.ESCAPE);
            params.put("text", TextFilter.containing(search.text));
        }
        String field = search.sort.startsWith("-") ? search.sort.substring(1) : search.sort;
        Sort sort = search.sort.startsWith("-") ? Sort.descending(field, "id") : Sort.ascending(field, "id");
        return search.answer(PageQuery.total("ResidentRequest", where, params),
                () -> find(where.toString(), sort, params).page(search.page, search.size()).list());
    }

    private static void add(StringBuilder where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }

    /**
     * Open requests of the same category in the same building from the last two weeks, newest first; with
     * {@code ownOnly} only those of the request's own resident (none when it has no resident).
     */
    public Uni<List<UUID>> possibleDuplicates(ResidentRequest r, boolean ownOnly) {
        if (r.building == null || ownOnly && r.residentId == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(ownOnly ? DUPLICATES_OWN : DUPLICATES_ANY, UUID.class)
                    .setParameter(1, r.communityId).setParameter(2, r.building).setParameter(3, r.category)
                    .setParameter(4, r.id).setParameter(5, r.createdAt.minus(java.time.Duration.ofDays(14)));
            if (ownOnly) {
                query.setParameter(6, r.residentId);
            }
            return query.setMaxResults(5).getResultList();
        });
    }

    public Uni<ResidentRequest> byIdempotencyKey(String communityId, String createdBy, String key) {
        return find("communityId = ?1 and createdBy = ?2 and idempotencyKey = ?3", communityId, createdBy, key)
                .firstResult();
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

    /** The reports merged into a request, oldest first. */
    public Uni<List<ResidentRequest>> mergedInto(UUID masterId) {
        return find("mergedInto = ?1 order by createdAt, id", masterId).list();
    }

    /** Reports merged into a request that is now merged itself follow it to its master. */
    public Uni<Void> repointMerged(UUID from, UUID to) {
        return update("mergedInto = ?1 where mergedInto = ?2", to, from).replaceWithVoid();
    }

    /**
     * Why work on a request has started, in words (a party confirmed, started or finished its task, or a volunteer took
     * it on), or null when it has not.
     */
    public Uni<String> workStarted(UUID requestId) {
        return TrackTask.<TrackTask>find("requestId = ?1 and status in " + RESPONSES + " order by updatedAt",
                        requestId).firstResult()
                .chain(task -> task != null
                        ? Uni.createFrom().item(task.party() + " has " + task.status.wire().toLowerCase().replace('_', ' ')
                                .replace("in progress", "started") + " its task")
                        : TimelineEntry.<TimelineEntry>find("requestId = ?1 and kind = 'VOLUNTEER_ACCEPTED'",
                                requestId).firstResult().map(e -> e == null ? null : "a volunteer took it on"));
    }

    public Uni<TrackTask> task(String taskId) {
        return TrackTask.findById(taskId);
    }

    public Uni<Boolean> orgHoldsTask(UUID requestId, String organisationId) {
        return TrackTask.find("requestId = ?1 and organisationId = ?2 and status not in " + GIVEN_UP,
                requestId, organisationId).firstResult().map(task -> task != null);
    }

    /**
     * Adds the entry unless its event already added one (the unique (request_id, event_id) tells, in the insert
     * itself). The request must be stored already; for one opened in this transaction use {@link #addToOpened}.
     */
    public Uni<Void> addToTimeline(TimelineEntry entry) {
        if (entry.eventId == null) {
            return entry.persist().replaceWithVoid();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into timeline_entry (id, request_id, at, kind, text, visibility, actor, event_id, params)
                        values (:id, :request, :at, :kind, :text, :visibility, :actor, :event, :params)
                        on conflict (request_id, event_id) do nothing""")
                .setParameter("id", entry.id)
                .setParameter("request", entry.requestId)
                .setParameter("at", entry.at)
                .setParameter("kind", entry.kind)
                .setParameter("text", entry.text)
                .setParameter("visibility", entry.visibility.name())
                .setParameter("actor", entry.actor)
                .setParameter("event", entry.eventId)
                .setParameter("params", entry.params)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Adds the entry to a request opened in this transaction: no event can have added one to it before. */
    public Uni<Void> addToOpened(TimelineEntry entry) {
        return entry.persist().replaceWithVoid();
    }

    /**
     * Projects a task the alliance assigned: a new one is ASSIGNED since {@code assignedAt}; one already known keeps
     * its status, and its deadlines once a deadline change moved them.
     */
    public Uni<Void> assigned(UUID requestId, TaskAssigned task) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into track_task (task_id, request_id, organisation_id, organisation_name, role, status,
                            updated_at, acknowledge_by, complete_by)
                        values (:task, :request, :organisation, :organisationName, :role, :assigned, :assignedAt,
                            :acknowledgeBy, :completeBy)
                        on conflict (task_id) do update set request_id = excluded.request_id,
                            organisation_id = excluded.organisation_id, organisation_name = excluded.organisation_name,
                            role = excluded.role,
                            acknowledge_by = case when track_task.deadlines_changed_at is null
                                then excluded.acknowledge_by else track_task.acknowledge_by end,
                            complete_by = case when track_task.deadlines_changed_at is null
                                then excluded.complete_by else track_task.complete_by end""")
                .setParameter("task", task.taskId())
                .setParameter("request", requestId)
                .setParameter("organisation", task.organisationId())
                .setParameter("organisationName", task.organisationName())
                .setParameter("role", task.taskRole().name())
                .setParameter("assigned", TaskStatus.ASSIGNED.wire())
                .setParameter("assignedAt", task.assignedAt())
                .setParameter("acknowledgeBy", task.acknowledgeBy())
                .setParameter("completeBy", task.completeBy())
                .executeUpdate())
                .replaceWithVoid();
    }
}
