package org.gongzhi.alliance.warning;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.gongzhi.platform.api.PageQuery;

/** Filter and paging of the patrol list. */
public class PatrolSearch extends PageQuery {
    /** ASSIGNED, IN_PROGRESS, DONE, PROBLEMS_FOUND or CANCELLED; none: all. */
    @QueryParam("status")
    @Pattern(regexp = Patrol.ASSIGNED + "|" + Patrol.IN_PROGRESS + "|" + Patrol.DONE + "|" + Patrol.PROBLEMS_FOUND + "|"
            + Patrol.CANCELLED, message = "must be one of " + Patrol.ASSIGNED + ", " + Patrol.IN_PROGRESS + ", "
            + Patrol.DONE + ", " + Patrol.PROBLEMS_FOUND + ", " + Patrol.CANCELLED)
    public String status;
}
