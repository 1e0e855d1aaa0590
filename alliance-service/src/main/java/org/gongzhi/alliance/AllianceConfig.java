package org.gongzhi.alliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** What the alliance knows of the community it serves: its buildings, the request categories, its office. */
@ConfigMapping(prefix = "gongzhi.alliance")
public interface AllianceConfig {

    /** The organisation that leads whatever no routing rule covers (the lead of last resort). */
    @WithDefault("office")
    String officeId();

    /**
     * The acknowledge window when a request names no respond-by deadline (volunteer unmatched), and for a hand-over of
     * a request whose events came before its time limits travelled with them.
     */
    @WithDefault("PT2H")
    java.time.Duration acknowledgeWithin();

    /** The completion window when a request names no resolve-by deadline; the same fallback as above. */
    @WithDefault("P1D")
    java.time.Duration completeWithin();

    /** The estate's building codes; rules, risk points and coverage may only name these. */
    @WithDefault("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32")
    List<String> buildings();

    /** The request categories of the catalogue (request-service's GET /api/categories). */
    @WithDefault("water-leak,noise,broken-handrail,old-wiring,blocked-drain,lift-fault,parking,corridor-clutter,"
            + "shopping-help,paperwork-help,appliance-repair,safety-risk,neighbour-dispute,suggestion")
    List<String> categories();
}
