package org.gongzhi.alliance.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parties chosen for a request: the lead, the supporting parties, and the line of parties that take the lead
 * in turn when the one before declines (the leads of lower-priority matching rules, then the community office).
 */
public record Route(String lead, List<String> supporting, List<String> line) {

    /** Higher priority first; among equals, one naming buildings before one for every building; then the older. */
    private static final Comparator<RoutingRule> PRECEDENCE = Comparator
            .comparingInt((RoutingRule r) -> -r.priority)
            .thenComparing(r -> r.buildings.isEmpty())
            .thenComparing(r -> r.createdAt);

    /**
     * The route the rules give a request: the first matching rule in order of precedence gives the lead and the
     * supporting parties; the line is every matching rule's lead in that order, then the office. The office leads
     * whatever no rule covers.
     */
    public static Route choose(List<RoutingRule> candidates, String category, String building, String officeId) {
        List<RoutingRule> matching = candidates.stream().filter(r -> r.matches(category, building))
                .sorted(PRECEDENCE).toList();
        List<String> line = new ArrayList<>();
        matching.forEach(r -> {
            if (!line.contains(r.lead)) {
                line.add(r.lead);
            }
        });
        if (!line.contains(officeId)) {
            line.add(officeId);
        }
        if (matching.isEmpty()) {
            return new Route(officeId, List.of(), line);
        }
        RoutingRule chosen = matching.get(0);
        return new Route(chosen.lead, chosen.supporting, line);
    }

    /** The first party in line after {@code excluded} ones, if any is left. */
    public Optional<String> next(Set<String> excluded) {
        return line.stream().filter(p -> !excluded.contains(p)).findFirst();
    }
}
