package org.gongzhi.alliance.warning;

import jakarta.ws.rs.QueryParam;
import org.gongzhi.platform.api.PageQuery;

/** Filter and paging of the patrol list. */
public class PatrolSearch extends PageQuery {
    /** ASSIGNED, IN_PROGRESS, DONE, PROBLEMS_FOUND or CANCELLED; none: all. */
    @QueryParam("status")
    public String status;
}
