package org.gongzhi.alliance.task;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.alliance.estate.EstateCommunity;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;

/**
 * A task as the API shows it, with its community: a partner serving several communities sees whose each task is
 * (the names as the estate registry publishes them; null where they are not read, as in the task a worker just added
 * to a case of its own community).
 */
public record TaskView(UUID id, String requestId, String organisationId, String organisationName, TaskRole role,
        int round, TaskStatus status, String category, String building, Instant acknowledgeBy, Instant completeBy,
        Instant assignedAt, Instant acknowledgedAt, Instant completedAt, int escalationLevel, boolean overdue,
        String note, Community community) {

    /** The community a task is of: id and names (zh, en). */
    public record Community(String id, String name, String nameEn) {
        public static Community of(String id, EstateCommunity named) {
            return named == null ? new Community(id, null, null) : new Community(id, named.name, named.nameEn);
        }
    }

    public static TaskView of(Task t) {
        return of(t, Map.of());
    }

    /** The task with its community's names, when {@code communities} has them. */
    public static TaskView of(Task t, Map<String, EstateCommunity> communities) {
        return new TaskView(t.id, t.requestId, t.organisationId, t.organisationName, t.role, t.round, t.status,
                t.category, t.building, t.acknowledgeBy, t.completeBy, t.assignedAt, t.acknowledgedAt,
                t.completedAt, t.escalationLevel, t.overdue, t.note,
                Community.of(t.communityId, communities.get(t.communityId)));
    }
}
