package org.gongzhi.alliance.meeting;

import jakarta.ws.rs.QueryParam;
import org.gongzhi.platform.api.PageQuery;

/** Filters and paging of a meeting list. */
public class MeetingSearch extends PageQuery {
    @QueryParam("requestId")
    public String requestId;
}
