package org.gongzhi.platform.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The paging parameters of a list endpoint, {@code ?page=} (from 0) and {@code ?size=} (1 to 100, default 20): a
 * search bean ({@code @BeanParam}) extends it and adds its filters; the service validates it ({@code @Valid}).
 */
public class PageQuery {
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
