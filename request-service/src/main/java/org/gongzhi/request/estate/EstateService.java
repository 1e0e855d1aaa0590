package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongzhi.platform.problem.ProblemException;

/** Registers the estate's buildings and households. */
@ApplicationScoped
public class EstateService {
    private final EstateRepository estate;

    EstateService(EstateRepository estate) {
        this.estate = estate;
    }

    @WithTransaction
    public Uni<BuildingView> register(String communityId, @Valid @NotNull NewBuilding request) {
        return estate.building(communityId, request.code()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("building " + request.code() + " is already registered");
            }
            Building building = new Building();
            building.communityId = communityId;
            building.code = request.code();
            building.name = request.name();
            building.floors = request.floors();
            building.gridX = request.gridX();
            building.gridY = request.gridY();
            List<Household> households = request.units().stream()
                    .flatMap(unit -> unit.households().stream().map(h -> {
                        Household household = new Household();
                        household.communityId = communityId;
                        household.building = request.code();
                        household.unit = unit.code();
                        household.code = h.code();
                        household.floorArea = h.floorArea();
                        return household;
                    }))
                    .toList();
            return estate.persistAll(building, households).replaceWith(BuildingView.of(building, households));
        });
    }

    /** Links a resident to a household (one household per resident; linking again moves them). */
    @WithTransaction
    public Uni<NewMember> addMember(String communityId, @Valid @NotNull NewMember member) {
        return Household.findById(new Household.Key(communityId, member.building(), member.unit(), member.household()))
                .chain(found -> {
                    if (found == null) {
                        throw ProblemException.invalid("household", "no household " + member.building() + "-"
                                + member.unit() + "-" + member.household());
                    }
                    HouseholdMember m = new HouseholdMember();
                    m.communityId = communityId;
                    m.residentId = member.residentId();
                    m.building = member.building();
                    m.unit = member.unit();
                    m.household = member.household();
                    m.owner = member.owner();
                    return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.merge(m))
                            .replaceWith(member);
                });
    }

    @WithTransaction
    public Uni<List<BuildingView>> buildings(String communityId) {
        return estate.buildings(communityId).chain(buildings -> estate.households(communityId).map(households -> {
            Map<String, List<Household>> byBuilding = households.stream()
                    .collect(Collectors.groupingBy(h -> h.building));
            return buildings.stream().map(b -> BuildingView.of(b, byBuilding.getOrDefault(b.code, List.of())))
                    .toList();
        }));
    }
}
