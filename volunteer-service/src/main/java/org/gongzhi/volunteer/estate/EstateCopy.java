package org.gongzhi.volunteer.estate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import java.util.List;
import org.gongzhi.volunteer.team.Building;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gongzhi.events.BuildingRegistered;
import org.gongzhi.events.BuildingRemoved;
import org.gongzhi.events.CategoryAvailabilityChanged;
import org.gongzhi.events.CategoryDefined;

/**
 * Writes the registry's records into volunteer-service's tables: the inbox skips an event applied before, and the
 * version guard keeps an older record of a key (republished, or read again from the topic's start) from overwriting
 * a newer one. Buildings are keyed by community and code: each community has a grid of its own.
 */
@ApplicationScoped
public class EstateCopy {

    /** The community's grid as this service holds it: each building not removed, with its position. */
    @WithSession
    public Uni<List<GridBuilding>> grid(String communityId) {
        return Building.<Building>list("communityId = ?1 and removed = false order by gridY, gridX, code", communityId)
                .map(all -> all.stream().map(b -> new GridBuilding(b.code, b.gridX, b.gridY)).toList());
    }

    /** A building on the grid, as {@code GET /api/buildings} shows it. */
    public record GridBuilding(String code, int gridX, int gridY) {
    }

    Uni<Void> keep(BuildingRegistered b) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into building (community_id, code, grid_x, grid_y, version, removed)
                        values (?5, ?1, ?2, ?3, ?4, false)
                        on conflict (community_id, code) do update set grid_x = excluded.grid_x,
                            grid_y = excluded.grid_y, version = excluded.version, removed = false
                        where building.version < excluded.version""")
                .setParameter(1, b.code()).setParameter(2, b.gridX()).setParameter(3, b.gridY())
                .setParameter(4, b.version()).setParameter(5, b.communityId()).executeUpdate()).replaceWithVoid();
    }

    Uni<Void> keep(BuildingRemoved b) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update building set removed = true, version = ?2
                        where community_id = ?3 and code = ?1 and version < ?2""")
                .setParameter(1, b.code()).setParameter(2, b.version()).setParameter(3, b.communityId())
                .executeUpdate()).replaceWithVoid();
    }

    Uni<Void> keep(CategoryDefined c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into category_skill (code, skill, version) values (?1, ?2, ?3)
                        on conflict (code) do update set skill = excluded.skill, version = excluded.version
                        where category_skill.version < excluded.version""")
                .setParameter(1, c.code()).setParameter(2, c.skill()).setParameter(3, c.version())
                .executeUpdate()).replaceWithVoid();
    }

    Uni<Void> keep(CategoryAvailabilityChanged c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into category_withdrawal (community_id, code, withdrawn, version) values (?1, ?2, ?3, ?4)
                        on conflict (community_id, code) do update set withdrawn = excluded.withdrawn,
                            version = excluded.version
                        where category_withdrawal.version < excluded.version""")
                .setParameter(1, c.communityId()).setParameter(2, c.code()).setParameter(3, c.withdrawn())
                .setParameter(4, c.version()).executeUpdate()).replaceWithVoid();
    }
}
