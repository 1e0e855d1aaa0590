package org.gongzhi.request.lifecycle;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.gongzhi.platform.api.PageQuery;

/** Filters and sorting of the request list, paged as every list is; every filter is optional. */
public class RequestSearch extends PageQuery {
    @QueryParam("status")
    public RequestStatus status;
    @QueryParam("category")
    public String category;
    @QueryParam("building")
    public String building;
    @QueryParam("channel")
    public String channel;
    @QueryParam("overdue")
    public Boolean overdue;
    @QueryParam("createdFrom")
    public Instant createdFrom;
    @QueryParam("createdTo")
    public Instant createdTo;
    @QueryParam("q")
    public String text;
    @QueryParam("sort")
    @DefaultValue("-createdAt")
    @Pattern(regexp = "-?(createdAt|updatedAt|resolveBy|status)", message = "must be createdAt, updatedAt, resolveBy "
            + "or status, with a leading - for descending")
    public String sort;
}
