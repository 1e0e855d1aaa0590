package org.gongzhi.alliance.warning;

import jakarta.ws.rs.QueryParam;
import org.gongzhi.platform.api.PageQuery;

/** Filter and paging of the warning list. */
public class WarningSearch extends PageQuery {
    /**
     * true: in force, i.e. not lifted and not yet over (one issued to start later counts: its patrols are out);
     * false: lifted or over.
     */
    @QueryParam("active")
    public Boolean active;
}
