package org.gongzhi.alliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the alliance knows of the community it serves: its buildings, the request categories, its office. */
@ConfigMapping(prefix = "gongzhi.alliance")
public interface AllianceConfig {

    /** The organisation that leads whatever no routing rule covers (the lead of last resort). */
    @WithDefault("office")
    String officeId();

    /** The acknowledge window when a request names no respond-by deadline. */
    @WithDefault("PT2H")
    java.time.Duration acknowledgeWithin();

    /** The completion window when a request names no resolve-by deadline. */
    @WithDefault("P1D")
    java.time.Duration completeWithin();

    /** The estate's building codes; rules, risk points and coverage may only name these. */
    @WithDefault("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32")
    List<String> buildings();

    /** The request categories of the catalogue (request-service's GET /api/categories). */
    @WithDefault("water-leak,noise,broken-handrail,old-wiring,blocked-drain,lift-fault,parking,corridor-clutter,"
            + "shopping-help,paperwork-help,appliance-repair,safety-risk,neighbour-dispute,suggestion")
    List<String> categories();

    /**
     * The category's time limits to respond and to resolve (request-service's catalogue: urgent danger, utilities,
     * general, complex), for work the alliance starts without a request's deadlines, e.g. a volunteer's hand-over.
     */
    Map<String, Limits> categoryLimits();

    interface Limits {
        Duration respond();

        Duration resolve();
    }

    /** The category's window to acknowledge in; a category without limits gets {@link #acknowledgeWithin()}. */
    default Duration respondWithin(String category) {
        Limits limits = category == null ? null : categoryLimits().get(category);
        return limits == null ? acknowledgeWithin() : limits.respond();
    }

    /** The category's window to complete in; a category without limits gets {@link #completeWithin()}. */
    default Duration resolveWithin(String category) {
        Limits limits = category == null ? null : categoryLimits().get(category);
        return limits == null ? completeWithin() : limits.resolve();
    }
}
