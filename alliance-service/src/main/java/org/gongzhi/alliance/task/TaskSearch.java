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
    /** Only the tasks of this community (of those the caller acts in): a partner serving many looks at one. */
    @QueryParam("community")
    public String community;

    /** The communities searched: those the caller acts in, narrowed to {@link #community} when one is asked for. */
    java.util.List<String> narrow(java.util.List<String> actsIn) {
        if (community == null || community.isBlank()) {
            return actsIn;
        }
        return actsIn.contains(community.strip()) ? java.util.List.of(community.strip()) : java.util.List.of();
    }
}
