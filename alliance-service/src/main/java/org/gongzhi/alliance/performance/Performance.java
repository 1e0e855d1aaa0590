package org.gongzhi.alliance.performance;

/** One party's figures: how many tasks, how many handled in time, and the median minutes to respond and finish. */
public record Performance(
        String organisationId,
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
        Double medianMinutesToComplete) {
}
