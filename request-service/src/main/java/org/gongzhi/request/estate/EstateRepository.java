package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gongzhi.platform.reactive.InOrder;
import java.util.List;

/** Buildings and households of each community. */
@ApplicationScoped
@WithSession
public class EstateRepository {

    public Uni<Building> building(String communityId, String code) {
        return Building.findById(new Building.Key(communityId, code));
    }

    public Uni<List<Building>> buildings(String communityId) {
        return Building.list("communityId = ?1 order by gridY, gridX", communityId);
    }

    /** Whether the building has the unit (then the building is part of the estate too). */
    public Uni<Boolean> unitExists(String communityId, String building, String unit) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select h.unit from Household h "
                        + "where h.communityId = ?1 and h.building = ?2 and h.unit = ?3", String.class)
                .setParameter(1, communityId).setParameter(2, building).setParameter(3, unit)
                .setMaxResults(1).getSingleResultOrNull())
                .map(found -> found != null);
    }

    public Uni<List<Household>> households(String communityId) {
        return Household.list("communityId = ?1 order by building, unit, code", communityId);
    }

    Uni<List<Household>> householdsOf(String communityId, String building) {
        return Household.list("communityId = ?1 and building = ?2", communityId, building);
    }

    /** The households of the building residents are linked to, as {@code unit-code}. */
    Uni<java.util.Set<String>> linkedHouseholds(String communityId, String building) {
        return HouseholdMember.<HouseholdMember>list("communityId = ?1 and building = ?2", communityId, building)
                .map(members -> members.stream().map(m -> m.unit + "-" + m.household)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    /** Deletes {@code gone} and writes {@code wanted} (new households added, floor areas changed). */
    Uni<Void> replaceHouseholds(List<Household> gone, List<Household> wanted) {
        return Panache.getSession().chain(s -> InOrder.each(gone, h -> s.createNativeQuery(
                        "delete from household where community_id = ?1 and building = ?2 and unit = ?3 and code = ?4")
                .setParameter(1, h.communityId).setParameter(2, h.building).setParameter(3, h.unit)
                .setParameter(4, h.code).executeUpdate())
                .chain(() -> InOrder.each(wanted, s::merge)));
    }

    /** Whether a request not yet over (closed, withdrawn, rejected or merged) is located in the building. */
    Uni<Boolean> hasOpenRequests(String communityId, String building) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select 1 from resident_request where community_id = ?1"
                        + " and building = ?2 and status not in ('CLOSED', 'WITHDRAWN', 'REJECTED', 'MERGED') limit 1",
                        Integer.class)
                .setParameter(1, communityId).setParameter(2, building).getResultList())
                .map(found -> !found.isEmpty());
    }

    /** Deletes the building with its households and the residents' links to them. */
    Uni<Void> remove(String communityId, String building) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "delete from household_member where community_id = ?1 and building = ?2")
                .setParameter(1, communityId).setParameter(2, building).executeUpdate()
                .chain(() -> s.createNativeQuery("delete from household where community_id = ?1 and building = ?2")
                        .setParameter(1, communityId).setParameter(2, building).executeUpdate())
                .chain(() -> s.createNativeQuery("delete from building where community_id = ?1 and code = ?2")
                        .setParameter(1, communityId).setParameter(2, building).executeUpdate()))
                .replaceWithVoid();
    }

    Uni<Void> persistAll(Building building, List<Household> households) {
        return Panache.getSession().chain(s -> s.persistAll(building).chain(() -> s.persistAll(households.toArray())));
    }
}
