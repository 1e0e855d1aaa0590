package org.gongzhi.alliance.routing;

import java.util.List;

/**
 * The parties chosen for a request: the lead, the supporting parties, and the line of parties that take the lead
 * in turn when the one before declines (the leads of lower-priority matching rules, then the community office).
 */
public record Route(String lead, List<String> supporting, List<String> line) {

    /** The first party in line after {@code excluded} ones, if any is left. */
    public java.util.Optional<String> next(java.util.Set<String> excluded) {
        return line.stream().filter(p -> !excluded.contains(p)).findFirst();
    }
}
