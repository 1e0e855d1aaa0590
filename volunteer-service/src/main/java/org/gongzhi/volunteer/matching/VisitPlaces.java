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

    /** The place of each household that exists ("building 5, unit 2, door 302"), by its id as text. */
    Uni<Map<String, String>> of(List<UUID> households);

    /** The place of one household, or null when there is none. */
    Uni<String> of(UUID household);
}
