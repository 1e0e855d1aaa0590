package org.gongzhi.hall;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.util.List;
import org.gongzhi.hall.DeliberationApi.HouseholdRef;

/**
 * The estate as the hall sees it: its buildings, its households (one vote each) and whose household a resident
 * belongs to. request-service implements it over its estate registry.
 */
public interface Estate {
    Uni<Boolean> hasBuilding(String communityId, String building);

    Uni<Boolean> hasHousehold(String communityId, HouseholdRef household);

    /** The household a resident's account is linked to, or null. */
    Uni<Membership> membership(String communityId, String residentId);

    /** The households of these buildings, or of the whole estate when none are named. */
    Uni<List<Household>> households(String communityId, List<String> buildings);

    /** A resident's household, and whether they own it (owners' matters are voted by owners). */
    record Membership(HouseholdRef household, boolean owner) {
    }

    /** A household and its floor area (in m², for the double-majority rules). */
    record Household(HouseholdRef ref, BigDecimal floorArea) {
    }
}
