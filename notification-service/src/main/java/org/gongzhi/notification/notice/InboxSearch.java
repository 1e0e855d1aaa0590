package org.gongzhi.notification.notice;

import jakarta.ws.rs.QueryParam;
import org.gongzhi.platform.api.PageQuery;

/** A page of the caller's inbox; a partner may narrow it to one of its contacts. */
public class InboxSearch extends PageQuery {
    @QueryParam("contact")
    public String contact;
}
