package org.gongzhi.alliance.task;

import jakarta.ws.rs.QueryParam;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.platform.api.PageQuery;

/** Filters and paging of a task list. */
public class TaskSearch extends PageQuery {
    @QueryParam("status")
    public TaskStatus status;
    @QueryParam("role")
    public TaskRole role;
    @QueryParam("requestId")
    public String requestId;
    @QueryParam("overdue")
    public Boolean overdue;
    /** true: still the party's to do ({@link TaskStatus#isOpen()}); false: the others. */
    @QueryParam("open")
    public Boolean open;
}
