package org.gongzhi.alliance.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which parties the rules choose for a request, and who is next in line, with no database. */
class RouteTest {
    private static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");

    private static RoutingRule rule(String lead, int priority, List<String> buildings, int ageMinutes,
            String... supporting) {
        RoutingRule r = new RoutingRule();
        r.category = "water-leak";
        r.lead = lead;
        r.priority = priority;
        r.buildings = buildings;
        r.supporting = List.of(supporting);
        r.createdAt = T0.minusSeconds(ageMinutes * 60L);
        return r;
    }

    @Test
    void theHighestPriorityMatchingRuleLeadsAndTheOtherLeadsFollowInLine() {
        List<RoutingRule> rules = List.of(rule("utility", 1, List.of(), 10),
                rule("property", 5, List.of("7"), 5, "police"),
                rule("police", 3, List.of(), 1));

        Route route = Route.choose(rules, "water-leak", "7", "office");

        assertThat(route.lead()).isEqualTo("property");
        assertThat(route.supporting()).containsExactly("police");
        assertThat(route.line()).containsExactly("property", "police", "utility", "office");
    }

    @Test
    void atEqualPriorityARuleNamingBuildingsComesBeforeOneForAllThenTheOlder() {
        List<RoutingRule> rules = List.of(rule("all-new", 2, List.of(), 1), rule("all-old", 2, List.of(), 60),
                rule("seven", 2, List.of("7"), 0));

        assertThat(Route.choose(rules, "water-leak", "7", "office").line())
                .containsExactly("seven", "all-old", "all-new", "office");
    }

    @Test
    void rulesOfOtherBuildingsOrCategoriesDoNotMatchAndTheOfficeLeads() {
        RoutingRule otherCategory = rule("police", 9, List.of(), 0);
        otherCategory.category = "noise";
        List<RoutingRule> rules = List.of(rule("property", 5, List.of("8"), 0), otherCategory);

        Route route = Route.choose(rules, "water-leak", "7", "office");

        assertThat(route.lead()).isEqualTo("office");
        assertThat(route.supporting()).isEmpty();
        assertThat(route.line()).containsExactly("office");
    }

    @Test
    void theNextInLineSkipsThePartiesAlreadyOnTheRound() {
        Route route = Route.choose(List.of(rule("property", 5, List.of(), 0), rule("police", 3, List.of(), 0)),
                "water-leak", "7", "office");

        assertThat(route.next(Set.of("property"))).contains("police");
        assertThat(route.next(Set.of("property", "police"))).contains("office");
        assertThat(route.next(Set.of("property", "police", "office"))).isEmpty();
    }
}
