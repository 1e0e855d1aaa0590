package org.gongzhi.alliance.cases;

import java.time.Instant;
import java.util.List;
import org.gongzhi.alliance.task.Task;
import org.gongzhi.alliance.task.TaskView;

/** A request as the alliance works on it: its status, round, deadlines and every task. */
public record CaseView(String requestId, String category, String building, String status, int round,
        Instant respondBy, Instant resolveBy, Instant resolvedAt, List<TaskView> tasks) {

    static CaseView of(AllianceCase c, List<Task> tasks) {
        return new CaseView(c.requestId, c.category, c.building, c.status.name(), c.round, c.respondBy, c.resolveBy,
                c.resolvedAt, tasks.stream().map(TaskView::of).toList());
    }
}
