package org.gongzhi.alliance.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gongzhi.alliance.estate.EstateCommunity;
import org.gongzhi.alliance.task.Task;
import org.gongzhi.alliance.task.TaskView;
import org.gongzhi.alliance.task.TaskView.Community;

/**
 * A request as the alliance works on it: its community (id and names), status, round, deadlines and every task, each
 * naming its community too (a partner serving several tells them apart).
 */
public record CaseView(String requestId, Community community, String category, String building, String status,
        int round, Instant respondBy, Instant resolveBy, Instant resolvedAt, List<TaskView> tasks) {

    /** {@code communities}: the names of the case's community, when read. */
    static CaseView of(AllianceCase c, List<Task> tasks, Map<String, EstateCommunity> communities) {
        return new CaseView(c.requestId, Community.of(c.communityId, communities.get(c.communityId)), c.category,
                c.building, c.status.name(), c.round, c.respondBy, c.resolveBy, c.resolvedAt,
                tasks.stream().map(t -> TaskView.of(t, communities)).toList());
    }
}
