package org.gongzhi.alliance.routing;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.alliance.AllianceConfig;
import org.gongzhi.alliance.estate.Estate;
import org.gongzhi.alliance.organisation.Organisation;
import org.gongzhi.alliance.organisation.OrganisationRepository;
import org.gongzhi.platform.problem.ProblemException;

/** Keeps the routing rules and decides which parties take a request. */
@ApplicationScoped
public class RoutingService {
    /** Building codes in a rule are kept in one order ("3" before "12"), so one scope is stored one way. */
    private static final Comparator<String> BY_CODE = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private final RoutingRepository rules;
    private final OrganisationRepository organisations;
    private final AllianceConfig config;
    private final Clock clock;
    private final Estate estate;

    RoutingService(RoutingRepository rules, OrganisationRepository organisations, AllianceConfig config, Clock clock,
            Estate estate) {
        this.rules = rules;
        this.organisations = organisations;
        this.config = config;
        this.clock = clock;
        this.estate = estate;
    }

    @WithTransaction
    public Uni<RoutingRuleView> add(String communityId, @Valid @NotNull NewRoutingRule input) {
        List<String> buildings = Optional.ofNullable(input.buildings()).orElse(List.of());
        List<String> supporting = Optional.ofNullable(input.supporting()).orElse(List.of());
        for (int i = 0; i < supporting.size(); i++) {
            if (supporting.get(i).equals(input.lead())) {
                throw ProblemException.invalid("supporting[" + i + "]", "the lead cannot also support");
            }
        }
        if (new LinkedHashSet<>(supporting).size() != supporting.size()) {
            throw ProblemException.invalid("supporting", "names a party twice");
        }
        Set<String> named = new LinkedHashSet<>(supporting);
        named.add(input.lead());
        return estate.categories(communityId)
                .invoke(known -> Estate.require(input.category(), known, "category", "category"))
                .chain(() -> estate.buildings(communityId))
                .invoke(known -> Estate.requireEach(buildings, known, "buildings", "building"))
                .chain(() -> organisations.byIds(communityId, named)).map(found -> {
            Set<String> known = new java.util.HashSet<>();
            found.stream().filter(o -> o.communityId.equals(communityId)).forEach(o -> known.add(o.id));
            if (!known.contains(input.lead())) {
                throw ProblemException.invalid("lead", "unknown organisation '" + input.lead() + "'");
            }
            for (int i = 0; i < supporting.size(); i++) {
                if (!known.contains(supporting.get(i))) {
                    throw ProblemException.invalid("supporting[" + i + "]", "unknown organisation '"
                            + supporting.get(i) + "'");
                }
            }
            return known;
        }).chain(known -> rules.forCategory(communityId, input.category())).chain(existing -> {
            // one rule per scope and lead: adding it again (a second load of the same table) changes nothing
            Set<String> scope = Set.copyOf(buildings);
            existing.stream().filter(r -> r.lead.equals(input.lead()) && Set.copyOf(r.buildings).equals(scope))
                    .findFirst().ifPresent(r -> {
                        throw ProblemException.conflict("routing rule " + r.id + " already makes " + r.lead
                                + " lead " + r.category + " in " + (scope.isEmpty() ? "every building"
                                        : "buildings " + String.join(", ", r.buildings))
                                + "; remove it to change it");
                    });
            RoutingRule rule = new RoutingRule();
            rule.id = UUID.randomUUID();
            rule.communityId = communityId;
            rule.category = input.category();
            rule.buildings = buildings.stream().sorted(BY_CODE).toList();
            rule.lead = input.lead();
            rule.supporting = List.copyOf(supporting);
            rule.priority = input.priority() == null ? 0 : input.priority();
            rule.createdAt = clock.instant();
            return rules.persist(rule).map(RoutingRuleView::of);
        });
    }

    @WithTransaction
    public Uni<List<RoutingRuleView>> list(String communityId) {
        return rules.all(communityId).map(list -> list.stream().map(RoutingRuleView::of).toList());
    }

    @WithTransaction
    public Uni<Void> remove(String communityId, UUID id) {
        return rules.findById(id).chain(rule -> {
            if (rule == null || !rule.communityId.equals(communityId)) {
                throw ProblemException.notFound("routing rule", id.toString());
            }
            return rules.delete(rule);
        });
    }

    /** The parties for a request; runs inside the caller's session. The office leads whatever no rule covers. */
    public Uni<Route> route(String communityId, String category, String building) {
        return rules.forCategory(communityId, category).map(candidates -> choose(candidates, category, building));
    }

    /**
     * The parties for a request with their names, read in one query (the community's members and the category's
     * rules); runs inside the caller's session.
     */
    public Uni<NamedRoute> routeWithNames(String communityId, String category, String building) {
        return rules.membersWithRules(communityId, category).map(rows -> {
            Map<String, String> names = new HashMap<>();
            List<RoutingRule> candidates = new ArrayList<>();
            for (Object[] row : rows) {
                names.put((String) row[0], (String) row[1]);
                if (row[2] != null) {
                    candidates.add((RoutingRule) row[2]);
                }
            }
            return new NamedRoute(choose(candidates, category, building), names);
        });
    }

    private Route choose(List<RoutingRule> candidates, String category, String building) {
        return Route.choose(candidates, category, building, config.officeId());
    }

    /** Organisation names (as registered in the community) for events; an unregistered office still gets its task. */
    public Uni<java.util.Map<String, String>> names(String communityId, java.util.Collection<String> ids) {
        return organisations.byIds(communityId, ids).map(list -> {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            for (Organisation o : list) {
                names.put(o.id, o.name);
            }
            return names;
        });
    }
}
