package org.gongzhi.alliance.cases;

import java.util.Comparator;
import java.util.List;
import org.gongzhi.alliance.organisation.Organisation;
import org.gongzhi.events.OrganisationType;

/**
 * Who a volunteer's hand-over goes to: the member of the type named that covers the request's building and handles
 * its category (one naming buildings and categories before one for all); else any member of that type (one covering
 * the building first); else the community office, also for a type the alliance does not know.
 */
public final class HandOverParty {

    private HandOverParty() {
    }

    /** The organisation id; {@code officeId} when no member of the type named is registered. */
    public static String choose(List<Organisation> members, String handOverTo, String category, String building,
            String officeId) {
        OrganisationType type = typeOf(handOverTo);
        if (type == null) {
            return officeId;
        }
        List<Organisation> ofType = members.stream().filter(o -> o.type == type).toList();
        Comparator<Organisation> specificFirst = Comparator
                .comparing((Organisation o) -> o.buildings.isEmpty())
                .thenComparing(o -> o.categories.isEmpty())
                .thenComparing(o -> o.id);
        return ofType.stream().filter(o -> covers(o, building) && handles(o, category)).min(specificFirst)
                .or(() -> ofType.stream().min(Comparator.comparing((Organisation o) -> !covers(o, building))
                        .thenComparing(o -> !handles(o, category)).thenComparing(o -> o.id)))
                .map(o -> o.id).orElse(officeId);
    }

    /** The organisation type a hand-over names, or null for one the alliance does not know. */
    public static OrganisationType typeOf(String handOverTo) {
        try {
            return OrganisationType.valueOf(handOverTo == null ? "" : handOverTo.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean covers(Organisation o, String building) {
        return building == null || o.buildings.isEmpty() || o.buildings.contains(building);
    }

    private static boolean handles(Organisation o, String category) {
        return o.categories.isEmpty() || o.categories.contains(category);
    }
}
