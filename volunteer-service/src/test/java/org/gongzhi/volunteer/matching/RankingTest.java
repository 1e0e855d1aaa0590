package org.gongzhi.volunteer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.gongzhi.volunteer.matching.Ranking.Candidate;
import org.junit.jupiter.api.Test;

/** Who is asked first, over a table of volunteers. Saturday 2026-11-28 10:00, the request in building at (3, 1). */
class RankingTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 28, 10, 0);
    private static final LocalDateTime DEADLINE = NOW.plusDays(3);

    private static List<String> ranked(Candidate... candidates) {
        return Ranking.rank(List.of(candidates), "appliance-repair", 3, 1, NOW, DEADLINE, 5, 10, 12).stream()
                .map(s -> s.candidate().id()).toList();
    }

    @Test
    void onlyThoseWithTheSkillAndUnderTheirWeeklyCapAreAsked() {
        assertThat(ranked(
                new Candidate("no-skill", List.of("errands"), "SAT 09:00-12:00", 3, 1, 0, 3),
                new Candidate("at-cap", List.of("appliance-repair"), "SAT 09:00-12:00", 3, 1, 3, 3),
                new Candidate("fits", List.of("appliance-repair"), "SAT 09:00-12:00", 3, 1, 2, 3)))
                .containsExactly("fits");
    }

    @Test
    void freeNowBeatsFreeLaterBeatsNotFreeBeforeTheDeadline() {
        assertThat(ranked(
                new Candidate("never", List.of("appliance-repair"), "WED 09:00-10:00", 3, 1, 0, 3),
                new Candidate("later", List.of("appliance-repair"), "SUN 09:00-12:00", 3, 1, 0, 3),
                new Candidate("now", List.of("appliance-repair"), "SAT 09:00-12:00", 3, 1, 0, 3)))
                .containsExactly("now", "later", "never");
    }

    @Test
    void nearerIsBetterAndFairnessSpreadsTheWork() {
        assertThat(ranked(
                new Candidate("far", List.of("appliance-repair"), "SAT 09:00-12:00", 7, 3, 0, 5),
                new Candidate("near-busy", List.of("appliance-repair"), "SAT 09:00-12:00", 3, 1, 2, 5),
                new Candidate("near", List.of("appliance-repair"), "SAT 09:00-12:00", 4, 1, 0, 5)))
                .containsExactly("near", "near-busy", "far");
    }

    @Test
    void nobodyTooFarAwayIsAsked() {
        assertThat(ranked(
                new Candidate("across-town", List.of("appliance-repair"), "SAT 09:00-12:00", 30, 1, 0, 3),
                new Candidate("edge", List.of("appliance-repair"), "SAT 09:00-12:00", 15, 1, 0, 3)))
                .containsExactly("edge");
    }

    @Test
    void everyOfferSaysWhyThisPerson() {
        var best = Ranking.rank(List.of(new Candidate("zhang", List.of("appliance-repair", "errands"),
                "SAT 09:00-12:00", 4, 1, 1, 3)), "appliance-repair", 3, 1, NOW, DEADLINE, 5, 10, 12).get(0);
        assertThat(best.reason()).isEqualTo("appliance-repair; free now; 1 step from home; 1 task(s) this week");
        assertThat(best.score()).isEqualTo(100 + 40 - 5 - 10);
    }

    @Test
    void aTableOfNeighboursForARepairInBuilding11() {
        // building 11 of the demo estate sits at (2, 1); Saturday 10:00, to be resolved by Tuesday 10:00
        var ranked = Ranking.rank(List.of(
                new Candidate("chen", List.of("appliance-repair"), "WED 09:00-12:00", 2, 1, 0, 3),
                new Candidate("far", List.of("appliance-repair"), "SAT 09:00-12:00", 20, 1, 0, 3),
                new Candidate("he", List.of("appliance-repair"), "SAT 09:00-18:00", 4, 2, 2, 2),
                new Candidate("li", List.of("errands", "escort"), "SAT 09:00-12:00", 2, 1, 0, 3),
                new Candidate("wang", List.of("appliance-repair", "watch"), "SAT 09:00-12:00", 2, 1, 0, 3),
                new Candidate("xu", List.of("appliance-repair"), "SUN 09:00-12:00", 2, 0, 0, 3),
                new Candidate("zhang", List.of("appliance-repair", "errands"), "MON 09:00-12:00", 0, 0, 0, 3),
                new Candidate("zhao", List.of("appliance-repair"), "SAT 09:00-12:00", 3, 1, 1, 3)),
                "appliance-repair", 2, 1, NOW, DEADLINE, 5, 10, 12);
        assertThat(ranked).extracting(s -> s.candidate().id() + "=" + s.score())
                .containsExactly("wang=140", "zhao=125", "xu=115", "zhang=105", "chen=100");
        assertThat(ranked.get(2).reason()).isEqualTo("appliance-repair; free from Sun 09:00; 1 step from home; "
                + "0 task(s) this week");
        assertThat(ranked.get(4).reason()).contains("not free before the deadline");
    }

    @Test
    void aVisitNeedsNoSkill() {
        assertThat(Ranking.rank(List.of(
                new Candidate("tutor", List.of("tutoring"), "SAT 09:00-12:00", 3, 1, 0, 3),
                new Candidate("watcher", List.of("watch"), "SAT 09:00-12:00", 5, 1, 0, 3)),
                null, 3, 1, NOW, DEADLINE, 5, 10, 12)).extracting(s -> s.candidate().id())
                .containsExactly("tutor", "watcher");
    }

    @Test
    void aRequestOffTheGridLeavesDistanceOutAndSaysSo() {
        var ranked = Ranking.rank(List.of(
                new Candidate("far", List.of("errands"), "SAT 09:00-12:00", 7, 3, 0, 3),
                new Candidate("busy", List.of("errands"), "SAT 09:00-12:00", 0, 0, 1, 3)),
                "errands", null, null, NOW, DEADLINE, 5, 10, 12);
        assertThat(ranked).extracting(s -> s.candidate().id() + "=" + s.score()).containsExactly("far=140", "busy=130");
        assertThat(ranked.get(0).reason()).isEqualTo("errands; free now; building not on the grid; 0 task(s) this week");
    }
}
