package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gongzhi.platform.reactive.InOrder;
import java.util.List;

/** Buildings, households and named places of each community, and where the alliance's risk points are. */
@ApplicationScoped
@WithSession
public class EstateRepository {
    /** The key spaces of the locks a building's removal, a category's withdrawal and requests being filed take turns on. */
    private static final int BUILDING_LOCKS = 23;
    private static final int CATEGORY_LOCKS = 24;

    /**
     * Held by a request being filed (or triaged into a category), to the end of its transaction, on its category and
     * its building (when it names one): a withdrawal of the category or a removal of the building waits for it, and it
     * waits for one already under way. Then says whether the community has withdrawn the category, read after the
     * locks are held (the database function {@code hold_for_filing}), so a withdrawal that committed meanwhile is seen.
     * Advisory locks, shared among requests: no row is written, and requests do not wait for each other.
     */
    public Uni<Boolean> holdForFiling(String communityId, String category, String building) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select hold_for_filing(?1, ?2, ?3)", Boolean.class)
                .setParameter(1, communityId).setParameter(2, category).setParameter(3, building).getSingleResult());
    }

    /** Taken by a category's withdrawal before it looks for open requests: no request is filed in it meanwhile. */
    public Uni<Void> lockCategory(String communityId, String code) {
        return advisoryLock(CATEGORY_LOCKS, communityId, code);
    }

    /** Taken by a building's removal before it looks for open requests: no request is filed in it meanwhile. */
    Uni<Void> lockBuilding(String communityId, String code) {
        return advisoryLock(BUILDING_LOCKS, communityId, code);
    }

    private Uni<Void> advisoryLock(int keySpace, String communityId, String code) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) held", Integer.class)
                .setParameter(1, keySpace).setParameter(2, communityId + "/" + code).getSingleResult())
                .replaceWithVoid();
    }

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
        return hasOpenRequests(communityId, "building", building);
    }

    /** Whether a request not yet over is at the named place. */
    Uni<Boolean> hasOpenRequestsAt(String communityId, String place) {
        return hasOpenRequests(communityId, "place", place);
    }

    /** Whether a request of the community not yet over is of the category (the rule of a building, for a withdrawal). */
    public Uni<Boolean> hasOpenRequestsOfCategory(String communityId, String category) {
        return hasOpenRequests(communityId, "category", category);
    }

    private Uni<Boolean> hasOpenRequests(String communityId, String column, String code) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select 1 from resident_request"
                        + " where community_id = ?1 and " + column + " = ?2 and status not in ('CLOSED', 'WITHDRAWN', 'REJECTED', 'MERGED')"
                        + " limit 1", Integer.class)
                .setParameter(1, communityId).setParameter(2, code).getResultList())
                .map(found -> !found.isEmpty());
    }

    /** A risk point of the alliance in the building, or null. */
    Uni<RiskPointLocation> riskPointIn(String communityId, String building) {
        return RiskPointLocation.find("communityId = ?1 and building = ?2 order by id", communityId, building)
                .firstResult();
    }

    /** A risk point of the alliance at the named place, or null. */
    Uni<RiskPointLocation> riskPointAt(String communityId, String place) {
        return RiskPointLocation.find("communityId = ?1 and place = ?2 order by id", communityId, place)
                .firstResult();
    }

    /** Keeps where a risk point is; an older record than the one kept changes nothing. In the caller's session. */
    Uni<Void> keep(RiskPointLocation p) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into risk_point_location (id, community_id, name, building, place, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (id) do update set community_id = excluded.community_id, name = excluded.name,
                            building = excluded.building, place = excluded.place, version = excluded.version
                        where risk_point_location.version < excluded.version""")
                .setParameter(1, p.id).setParameter(2, p.communityId).setParameter(3, p.name)
                .setParameter(4, p.building).setParameter(5, p.place).setParameter(6, p.version)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Place> place(String communityId, String code) {
        return Place.findById(new Place.Key(communityId, code));
    }

    Uni<List<Place>> places(String communityId) {
        return Place.list("communityId = ?1 order by code", communityId);
    }

    Uni<Void> removePlace(String communityId, String code) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "delete from place where community_id = ?1 and code = ?2")
                .setParameter(1, communityId).setParameter(2, code).executeUpdate()).replaceWithVoid();
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
