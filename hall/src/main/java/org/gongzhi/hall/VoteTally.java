package org.gongzhi.hall;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Counts a vote exactly: integers for households, exact decimals for floor area, no rounding anywhere. */
public final class VoteTally {

    /** An eligible household, its floor area and its choice (null when it did not vote). */
    public record Household(String id, BigDecimal floorArea, String choice) {
    }

    public enum Outcome { PASSED, REJECTED, NO_QUORUM }

    public record Result(Outcome outcome, String winningOption, int eligible, int participating,
            BigDecimal eligibleArea, BigDecimal participatingArea, Map<String, Integer> households,
            Map<String, BigDecimal> area) {
    }

    private VoteTally() {
    }

    /**
     * @param approve the option that means "yes" for the double-majority rules (usually the first option)
     * @param quorum  for SIMPLE_MAJORITY: the share of eligible households that must take part, e.g. 0.5
     */
    public static Result count(VoteRule rule, List<String> options, String approve, BigDecimal quorum,
            List<Household> eligible) {
        Map<String, Integer> households = new LinkedHashMap<>();
        Map<String, BigDecimal> area = new LinkedHashMap<>();
        options.forEach(o -> {
            households.put(o, 0);
            area.put(o, BigDecimal.ZERO);
        });
        BigDecimal eligibleArea = BigDecimal.ZERO;
        BigDecimal participatingArea = BigDecimal.ZERO;
        int participating = 0;
        for (Household h : eligible) {
            eligibleArea = eligibleArea.add(h.floorArea());
            if (h.choice() != null && households.containsKey(h.choice())) {
                participating++;
                participatingArea = participatingArea.add(h.floorArea());
                households.merge(h.choice(), 1, Integer::sum);
                area.merge(h.choice(), h.floorArea(), BigDecimal::add);
            }
        }
        int total = eligible.size();
        int voted = participating;
        Outcome outcome;
        String winner = null;
        if (rule == VoteRule.SIMPLE_MAJORITY) {
            boolean quorate = BigDecimal.valueOf(participating).compareTo(quorum.multiply(BigDecimal.valueOf(total))) >= 0
                    && participating > 0;
            Optional<String> majority = households.entrySet().stream()
                    .filter(e -> 2L * e.getValue() > voted).map(Map.Entry::getKey).findFirst();
            outcome = !quorate ? Outcome.NO_QUORUM : majority.isPresent() ? Outcome.PASSED : Outcome.REJECTED;
            winner = quorate ? majority.orElse(null) : null;
        } else {
            // participation: area ≥ 2/3 of all area and owners ≥ 2/3 of all owners
            boolean quorate = participatingArea.multiply(BigDecimal.valueOf(3))
                    .compareTo(eligibleArea.multiply(BigDecimal.valueOf(2))) >= 0
                    && 3L * participating >= 2L * total && participating > 0;
            int yes = households.getOrDefault(approve, 0);
            BigDecimal yesArea = area.getOrDefault(approve, BigDecimal.ZERO);
            boolean approved = rule == VoteRule.DOUBLE_MAJORITY
                    ? 2L * yes > participating && yesArea.multiply(BigDecimal.valueOf(2)).compareTo(participatingArea) > 0
                    : 4L * yes >= 3L * participating
                            && yesArea.multiply(BigDecimal.valueOf(4)).compareTo(participatingArea.multiply(BigDecimal.valueOf(3))) >= 0;
            outcome = !quorate ? Outcome.NO_QUORUM : approved ? Outcome.PASSED : Outcome.REJECTED;
            winner = outcome == Outcome.PASSED ? approve : null;
        }
        return new Result(outcome, winner, total, participating, eligibleArea, participatingArea, households, area);
    }
}
