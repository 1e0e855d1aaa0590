package org.gongzhi.alliance.task;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a task: ASSIGNED → ACKNOWLEDGED → IN_PROGRESS → COMPLETED, or DECLINED, or CANCELLED. */
public enum TaskStatus {
    ASSIGNED, ACKNOWLEDGED, IN_PROGRESS, COMPLETED, DECLINED, CANCELLED;

    private static final Map<TaskStatus, Set<TaskStatus>> NEXT = Map.of(
            ASSIGNED, EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, DECLINED, CANCELLED),
            ACKNOWLEDGED, EnumSet.of(IN_PROGRESS, COMPLETED, DECLINED, CANCELLED),
            IN_PROGRESS, EnumSet.of(IN_PROGRESS, COMPLETED, CANCELLED),
            COMPLETED, EnumSet.noneOf(TaskStatus.class),
            DECLINED, EnumSet.noneOf(TaskStatus.class),
            CANCELLED, EnumSet.noneOf(TaskStatus.class));

    public boolean canMoveTo(TaskStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Still someone's work. */
    public boolean isOpen() {
        return this == ASSIGNED || this == ACKNOWLEDGED || this == IN_PROGRESS;
    }
}
