package org.gongzhi.alliance.warning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Filter and paging of the warning list. */
public class WarningSearch {
    /**
     * true: in force, i.e. not lifted and not yet over (one issued to start later counts: its patrols are out);
     * false: lifted or over.
     */
    @QueryParam("active")
    public Boolean active;
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
