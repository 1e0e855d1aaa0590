package org.gongzhi.alliance.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Filters and paging of a task list. */
public class TaskSearch {
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
    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    public int page;
    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(100)
    public int size;
}
