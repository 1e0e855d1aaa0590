package org.gongzhi.alliance.routing;

import java.util.Map;

/** A route with the names of the parties it names, as tasks and events carry them (none for an unregistered one). */
public record NamedRoute(Route route, Map<String, String> names) {

    public String name(String party) {
        return names.get(party);
    }
}
