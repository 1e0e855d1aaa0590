package org.gongzhi.alliance.task;

import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.api.PageQuery;
import org.gongzhi.platform.persistence.IdList;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tasks. */
@ApplicationScoped
@WithSession
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    /** Whether the party holds a task of that role on the request in that round (an existence check, no count). */
    public Uni<Boolean> holds(String requestId, String organisationId, TaskRole role, int round) {
        return find("requestId = ?1 and organisationId = ?2 and role = ?3 and round = ?4", requestId, organisationId,
                role, round).firstResult().map(t -> t != null);
    }

    public Uni<List<Task>> ofRequest(String requestId) {
        return list("requestId = ?1 order by round, assignedAt, role", requestId);
    }

    /**
     * At most {@code limit} tasks never acknowledged whose next escalation step is due: level k + 1 is due once
     * {@code acknowledgeBy} is at or before the {@code level(k + 1)DueBy} given (now less the ladder's wait for that level). A task
     * waiting for a later step is not read at all.
     */
    public Uni<List<Task>> dueForEscalation(Instant level1DueBy, Instant level2DueBy, Instant level3DueBy,
            int limit) {
        return find("status = ?1 and ((escalationLevel = 0 and acknowledgeBy <= ?2) or (escalationLevel = 1 and "
                        + "acknowledgeBy <= ?3) or (escalationLevel = 2 and acknowledgeBy <= ?4)) "
                        + "order by acknowledgeBy, id", TaskStatus.ASSIGNED, level1DueBy, level2DueBy, level3DueBy)
                .page(0, limit).list();
    }

    /** At most {@code limit} open tasks past their completion deadline and not yet marked overdue. */
    public Uni<List<Task>> pastCompletion(Instant now, int limit) {
        return find("status in (?1, ?2, ?3) and completeBy < ?4 and overdue = false order by completeBy, id",
                TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS, now).page(0, limit).list();
    }

    /** The organisation's tasks in one community: its figures there are that community's. */
    /** The organisation's tasks in any of the communities. */
    public Uni<List<Task>> ofOrganisation(List<String> communityIds, String organisationId) {
        return list("communityId in ?1 and organisationId = ?2", communityIds, organisationId);
    }

    /** One page of the tasks of the communities matching the search. */
    public Uni<Page<Task>> search(IdList<String> communities, String organisationId, TaskSearch search) {
        StringBuilder where = new StringBuilder("communityId " + communities.condition());
        Map<String, Object> params = new HashMap<>();
        params.put("ids", communities.bound());
        if (organisationId != null) {
            where.append(" and organisationId = :org");
            params.put("org", organisationId);
        }
        if (search.status != null) {
            where.append(" and status = :status");
            params.put("status", search.status);
        }
        if (search.role != null) {
            where.append(" and role = :role");
            params.put("role", search.role);
        }
        if (search.requestId != null && !search.requestId.isBlank()) {
            where.append(" and requestId = :request");
            params.put("request", search.requestId);
        }
        if (search.overdue != null) {
            where.append(" and overdue = :overdue");
            params.put("overdue", search.overdue);
        }
        if (search.open != null) {
            // a fixed list spelled out: a list parameter is translated anew on every call
            where.append(search.open ? " and status in (:assigned, :acknowledged, :inProgress)"
                    : " and status not in (:assigned, :acknowledged, :inProgress)");
            params.put("assigned", TaskStatus.ASSIGNED);
            params.put("acknowledged", TaskStatus.ACKNOWLEDGED);
            params.put("inProgress", TaskStatus.IN_PROGRESS);
        }
        return search.answer(PageQuery.total("Task", where, params), () -> find(where.toString(),
                Sort.descending("assignedAt", "id"), params).page(search.page, search.size()).list());
    }
}
