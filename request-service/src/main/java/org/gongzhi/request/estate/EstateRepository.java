package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    public Uni<Boolean> unitExists(String communityId, String building, String unit) {
        return Household.count("communityId = ?1 and building = ?2 and unit = ?3", communityId, building, unit)
                .map(n -> n > 0);
    }

    public Uni<List<Household>> households(String communityId) {
        return Household.list("communityId = ?1 order by building, unit, code", communityId);
    }

    Uni<Void> persistAll(Building building, List<Household> households) {
        return Panache.getSession().chain(s -> s.persistAll(building).chain(() -> s.persistAll(households.toArray())));
    }
}
