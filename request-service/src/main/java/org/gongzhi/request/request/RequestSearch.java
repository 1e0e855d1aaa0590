package org.gongzhi.request.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.gongzhi.platform.api.PageQuery;

/** Filters, sorting and paging of the request list; every filter is optional. */
public class RequestSearch {
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
    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(PageQuery.MAX_PAGE)
    public int page;
    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(200)
    public int size;
}
