package org.gongzhi.alliance.task;

import jakarta.ws.rs.QueryParam;
import org.gongzhi.platform.api.PageQuery;

/** Filters and paging of a task list. */
public class TaskSearch extends PageQuery {
    @QueryParam("status")
    public TaskStatus status;
    @QueryParam("role")
    public String role;
    @QueryParam("requestId")
    public String requestId;
    @QueryParam("overdue")
    public Boolean overdue;
    /** true: ASSIGNED, ACKNOWLEDGED or IN_PROGRESS; false: the others. */
    @QueryParam("open")
    public Boolean open;
}
