package org.gongzhi.alliance.performance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.gongzhi.alliance.task.TaskView.Community;

/**
 * One party's figures: how many tasks, how many handled in time, and the median minutes to respond and finish. The
 * answer adds up every community the caller sees the organisation in (a worker: its own; a partner: each it acts in)
 * and gives each community's own figures in {@code communities}, each naming its {@code community}.
 */
public record Performance(
        String organisationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Community community,
        long tasks,
        long open,
        long acknowledged,
        long acknowledgedInTime,
        long completed,
        long completedInTime,
        long overdue,
        long declined,
        long cancelled,
        long escalated,
        Double medianMinutesToAcknowledge,
        Double medianMinutesToComplete,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Performance> communities) {
}
