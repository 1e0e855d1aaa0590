package org.gongzhi.notification.board;

import jakarta.ws.rs.QueryParam;
import org.gongzhi.platform.api.PageQuery;

/**
 * The board's open requests, optionally of one building: a screen shows a page whole, so its pages are larger than
 * other lists' (100 by default, up to 500).
 */
@PageQuery.Sizes(usual = 100, max = 500)
public class BoardSearch extends PageQuery {
    @QueryParam("building")
    public String building;

    /** The building asked for; null for the whole estate. */
    String buildingOrAll() {
        return building == null || building.isBlank() ? null : building;
    }
}
