package org.gongzhi.alliance.warning;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.gongzhi.platform.api.PageQuery;

/** Filter and paging of the patrol list. */
public class PatrolSearch extends PageQuery {
    /** ASSIGNED, IN_PROGRESS, DONE, PROBLEMS_FOUND or CANCELLED; none: all. */
    @QueryParam("status")
    @Pattern(regexp = Patrol.STATUSES, message = "must be one of " + Patrol.STATUSES)
    public String status;
}
