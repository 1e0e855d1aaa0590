package org.gongzhi.volunteer.matching;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where check-on-neighbour visits go: the households flagged for checking, which the household feature keeps.
 * Matching starts a visit per household and shows each visit's place on its offers through this, so it does not depend
 * on the feature that flags households (which depends on matching to send the visits).
 */
public interface VisitPlaces {

    /** A household a visit goes to. */
    record Target(UUID household, String building) {
    }

    /** Where a household is: its building, unit and door, which a page puts in its own words. */
    record Place(String building, String unit, String door) {
        /** The place in English for the API and the record, e.g. "building 5, unit 2, door 302". */
        public String text() {
            return "building " + building + (unit == null ? "" : ", unit " + unit) + (door == null ? "" : ", door " + door);
        }
    }

    /** The place of each household that exists, by its id as text. */
    Uni<Map<String, Place>> of(List<UUID> households);

    /** The place of one household, or null when there is none. */
    Uni<Place> of(UUID household);
}
