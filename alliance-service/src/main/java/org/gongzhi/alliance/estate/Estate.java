package org.gongzhi.alliance.estate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongzhi.events.BuildingRegistered;
import org.gongzhi.events.BuildingRemoved;
import org.gongzhi.events.CategoryAvailabilityChanged;
import org.gongzhi.events.CategoryDefined;
import org.gongzhi.events.CommunityRegistered;
import org.gongzhi.events.PlaceRegistered;
import org.gongzhi.events.PlaceRemoved;
import org.gongzhi.platform.persistence.IdList;
import org.gongzhi.platform.problem.ProblemException;

/**
 * What the alliance knows of the estate registry: the communities' names, which buildings and named places each
 * community has, which categories exist and which of them a community has withdrawn. The
 * inbox skips an event applied before; the version guard keeps an older record of a key (a republished one, or one
 * read again from the start of the compacted topic) from overwriting a newer one.
 */
@ApplicationScoped
public class Estate {

    Uni<Void> keep(BuildingRegistered b) {
        return building(b.communityId(), b.code(), b.version(), false);
    }

    Uni<Void> keep(BuildingRemoved b) {
        return building(b.communityId(), b.code(), b.version(), true);
    }

    Uni<Void> keep(PlaceRegistered p) {
        return place(p.communityId(), p.code(), p.version(), false);
    }

    Uni<Void> keep(PlaceRemoved p) {
        return place(p.communityId(), p.code(), p.version(), true);
    }

    private Uni<Void> place(String communityId, String code, long version, boolean removed) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into estate_place (community_id, code, version, removed) values (?1, ?2, ?3, ?4)
                        on conflict (community_id, code) do update set version = excluded.version,
                            removed = excluded.removed
                        where estate_place.version < excluded.version""")
                .setParameter(1, communityId).setParameter(2, code).setParameter(3, version).setParameter(4, removed)
                .executeUpdate()).replaceWithVoid();
    }

    Uni<Void> keep(CategoryDefined c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into estate_category (code, version) values (?1, ?2)
                        on conflict (code) do update set version = excluded.version
                        where estate_category.version < excluded.version""")
                .setParameter(1, c.code()).setParameter(2, c.version()).executeUpdate()).replaceWithVoid();
    }

    Uni<Void> keep(CategoryAvailabilityChanged c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into estate_category_withdrawal (community_id, code, withdrawn, version)
                        values (?1, ?2, ?3, ?4)
                        on conflict (community_id, code) do update set withdrawn = excluded.withdrawn,
                            version = excluded.version
                        where estate_category_withdrawal.version < excluded.version""")
                .setParameter(1, c.communityId()).setParameter(2, c.code()).setParameter(3, c.withdrawn())
                .setParameter(4, c.version()).executeUpdate()).replaceWithVoid();
    }

    Uni<Void> keep(CommunityRegistered c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into estate_community (community_id, name, name_en, version) values (?1, ?2, ?3, ?4)
                        on conflict (community_id) do update set name = excluded.name, name_en = excluded.name_en,
                            version = excluded.version
                        where estate_community.version < excluded.version""")
                .setParameter(1, c.communityId()).setParameter(2, c.name()).setParameter(3, c.nameEn())
                .setParameter(4, c.version()).executeUpdate()).replaceWithVoid();
    }

    /**
     * The names of the communities, by id, as the registry published them (one the copy does not know yet is left
     * out); in the caller's session.
     */
    public Uni<Map<String, EstateCommunity>> communities(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        IdList<String> communities = IdList.of(List.copyOf(ids));
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from EstateCommunity c where c.communityId " + communities.condition(), EstateCommunity.class)
                .setParameter("ids", communities.bound()).setReadOnly(true).getResultList())
                .map(list -> list.stream().collect(Collectors.toMap(c -> c.communityId, c -> c)));
    }

    private Uni<Void> building(String communityId, String code, long version, boolean removed) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into estate_building (community_id, code, version, removed) values (?1, ?2, ?3, ?4)
                        on conflict (community_id, code) do update set version = excluded.version,
                            removed = excluded.removed
                        where estate_building.version < excluded.version""")
                .setParameter(1, communityId).setParameter(2, code).setParameter(3, version).setParameter(4, removed)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * What the alliance's copy holds for the community: its buildings, places and the catalogue's categories it has not
     * withdrawn.
     */
    @WithSession
    public Uni<EstateView> known(String communityId) {
        return buildings(communityId).chain(buildings -> places(communityId).chain(places -> categories(communityId)
                .map(categories -> new EstateView(buildings.stream().sorted().toList(),
                        places.stream().sorted().toList(), categories.stream().sorted().toList()))));
    }

    /** The building, named place and category codes the alliance knows, as the registry published them. */
    public record EstateView(List<String> buildings, List<String> places, List<String> categories) {
    }

    /** The codes of the community's named places (not removed); in the caller's session. */
    public Uni<Set<String>> places(String communityId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                        select p.code from EstatePlace p
                        where p.communityId = ?1 and p.removed = false""", String.class)
                .setParameter(1, communityId).getResultList()).map(HashSet::new);
    }

    /** The codes of the community's buildings (not removed); in the caller's session. */
    public Uni<Set<String>> buildings(String communityId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                        select b.code from EstateBuilding b
                        where b.communityId = ?1 and b.removed = false""", String.class)
                .setParameter(1, communityId).getResultList()).map(HashSet::new);
    }

    /** The codes of the catalogue's categories the community has not withdrawn; in the caller's session. */
    public Uni<Set<String>> categories(String communityId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select c.code from estate_category c
                        where not exists (select 1 from estate_category_withdrawal w
                                          where w.community_id = ?1 and w.code = c.code and w.withdrawn)""",
                        String.class)
                .setParameter(1, communityId).getResultList()).map(HashSet::new);
    }

    /** Refuses (400 naming {@code field[i]}) the first code not {@code known}; {@code what}: building, category. */
    public static void requireEach(List<String> codes, Set<String> known, String field, String what) {
        for (int i = 0; i < codes.size(); i++) {
            if (!known.contains(codes.get(i))) {
                throw ProblemException.invalid(field + "[" + i + "]", "unknown " + what + " '" + codes.get(i) + "'");
            }
        }
    }

    /** Refuses (400 naming {@code field}) a code not {@code known}; null passes. */
    public static void require(String code, Set<String> known, String field, String what) {
        if (code != null && !known.contains(code)) {
            throw ProblemException.invalid(field, "unknown " + what + " '" + code + "'");
        }
    }
}
