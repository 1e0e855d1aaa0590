package org.gongzhi.request.hall;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gongzhi.hall.DeliberationApi.HouseholdRef;
import org.gongzhi.hall.Estate;
import org.gongzhi.request.estate.Building;
import org.gongzhi.request.estate.HouseholdMember;

/**
 * The hall's estate over request-service's estate registry ({@code Household} here is the hall's record; the
 * registry's entity is named in full).
 */
@ApplicationScoped
class HallEstate implements Estate {

    @Override
    public Uni<Boolean> hasBuilding(String communityId, String building) {
        return Building.findById(new Building.Key(communityId, building)).map(b -> b != null);
    }

    @Override
    public Uni<Boolean> hasHousehold(String communityId, HouseholdRef h) {
        return org.gongzhi.request.estate.Household.findById(new org.gongzhi.request.estate.Household.Key(communityId, h.building(), h.unit(), h.household()))
                .map(found -> found != null);
    }

    @Override
    public Uni<Membership> membership(String communityId, String residentId) {
        return HouseholdMember.<HouseholdMember>findById(new HouseholdMember.Key(communityId, residentId))
                .map(m -> m == null ? null
                        : new Membership(new HouseholdRef(m.building, m.unit, m.household), m.owner));
    }

    @Override
    public Uni<List<Household>> households(String communityId, List<String> buildings) {
        Uni<List<org.gongzhi.request.estate.Household>> found = buildings.isEmpty()
                ? org.gongzhi.request.estate.Household.list("communityId", communityId)
                : org.gongzhi.request.estate.Household.list("communityId = ?1 and building in ?2", communityId,
                        buildings);
        return found.map(households -> households.stream().map(h -> new Household(
                new HouseholdRef(h.building, h.unit, h.code), h.floorArea)).toList());
    }
}
