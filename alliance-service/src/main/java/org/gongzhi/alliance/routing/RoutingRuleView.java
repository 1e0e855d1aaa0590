package org.gongzhi.alliance.routing;

import java.util.List;
import java.util.UUID;

/** A routing rule as the API shows it. */
public record RoutingRuleView(UUID id, String category, List<String> buildings, String lead, List<String> supporting,
        int priority) {

    static RoutingRuleView of(RoutingRule r) {
        return new RoutingRuleView(r.id, r.category, r.buildings, r.lead, r.supporting, r.priority);
    }
}
