package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Clock;
import java.util.LinkedHashMap;
import org.gongzhi.events.BuildingRegistered;
import org.gongzhi.events.BuildingRemoved;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;

/**
 * The estate registry: registers and removes buildings with their units and households, each change published
 * ({@code gongzhi.estate.buildings}, compacted) in its transaction so every service's copy follows.
 */
@ApplicationScoped
public class EstateService {
    private final EstateRepository estate;
    private final Outbox outbox;
    private final Clock clock;

    EstateService(EstateRepository estate, Outbox outbox, Clock clock) {
        this.estate = estate;
        this.outbox = outbox;
        this.clock = clock;
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
            building.version = 1;
            List<Household> households = households(communityId, request);
            return estate.persistAll(building, households)
                    .chain(() -> outbox.add(registered(building, households)))
                    .replaceWith(BuildingView.of(building, households));
        });
    }

    /**
     * Changes a building: name, floors, grid position, and its units and households as the body lists them (new ones
     * added, floor areas changed; one left out is removed, refused 409 while a resident is linked to it).
     */
    @WithTransaction
    public Uni<BuildingView> change(String communityId, String code, @Valid @NotNull NewBuilding request) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must be the code in the path (" + code + ")");
        }
        return estate.building(communityId, code).chain(building -> {
            if (building == null) {
                throw ProblemException.notFound("building", code);
            }
            List<Household> wanted = households(communityId, request);
            java.util.Set<String> kept = wanted.stream().map(h -> h.unit + "-" + h.code)
                    .collect(Collectors.toSet());
            return estate.householdsOf(communityId, code).chain(existing -> {
                List<Household> gone = existing.stream().filter(h -> !kept.contains(h.unit + "-" + h.code)).toList();
                return estate.linkedHouseholds(communityId, code).chain(linked -> {
                    for (Household h : gone) {
                        if (linked.contains(h.unit + "-" + h.code)) {
                            throw ProblemException.conflict("household " + code + "-" + h.unit + "-" + h.code
                                    + " has residents linked to it; it cannot be left out");
                        }
                    }
                    building.name = request.name();
                    building.floors = request.floors();
                    building.gridX = request.gridX();
                    building.gridY = request.gridY();
                    building.version++;
                    return estate.replaceHouseholds(gone, wanted)
                            .chain(() -> outbox.add(registered(building, wanted)))
                            .replaceWith(BuildingView.of(building, wanted));
                });
            });
        });
    }

    private static List<Household> households(String communityId, NewBuilding request) {
        return request.units().stream()
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
    }

    /**
     * Removes a building with its households; refused (409) while a request located in it is not over or a risk point
     * of the alliance is in it.
     */
    @WithTransaction
    public Uni<Void> remove(String communityId, String code) {
        // a request being filed in the building commits first (and is then open here) or finds the building gone
        return estate.lockBuilding(communityId, code).chain(() -> estate.building(communityId, code)).chain(building -> {
            if (building == null) {
                throw ProblemException.notFound("building", code);
            }
            // a risk point stays for good (there is no removing one), so it is said first
            return estate.riskPointIn(communityId, code).chain(riskPoint -> {
                if (riskPoint != null) {
                    throw ProblemException.conflict("risk point " + riskPoint.id + " (" + riskPoint.name
                            + ") is at building " + code + "; it cannot be removed while the risk point is there");
                }
                return estate.hasOpenRequests(communityId, code);
            }).chain(open -> {
                if (open) {
                    throw ProblemException.conflict("building " + code + " has open requests; close them (or move "
                            + "them to another building) before removing it");
                }
                long version = building.version + 1;
                return estate.remove(communityId, code).chain(() -> outbox.add(
                        new BuildingRemoved(communityId, code, version, clock.instant()))).replaceWithVoid();
            });
        });
    }

    private BuildingRegistered registered(Building b, List<Household> households) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        households.stream().sorted(java.util.Comparator.comparing((Household h) -> h.unit).thenComparing(h -> h.code))
                .forEach(h -> byUnit.computeIfAbsent(h.unit, u -> new java.util.ArrayList<>()).add(h.code));
        List<BuildingRegistered.Unit> units = byUnit.entrySet().stream()
                .map(e -> new BuildingRegistered.Unit(e.getKey(), List.copyOf(e.getValue()))).toList();
        return new BuildingRegistered(b.communityId, b.code, b.name, b.floors, b.gridX, b.gridY, units, b.version,
                clock.instant());
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
