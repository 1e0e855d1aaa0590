package org.gongzhi.volunteer.matching;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Ranks candidates for a request and says why: the skill is required; being free now counts most, then being free
 * before the deadline; every grid step from home costs points, and so does every task done in the last week, so the
 * same few people are not always asked. Nobody over their weekly cap, or living too far away, is asked. A null
 * skill (a check-on-neighbour visit) lets anyone be asked.
 */
public final class Ranking {
    private Ranking() {
    }

    /** What the ranking needs to know of a volunteer. */
    public record Candidate(String id, List<String> skills, String availability, int gridX, int gridY,
            int tasksThisWeek, int maxTasksPerWeek) {
    }

    /**
     * Why a volunteer was asked, in parts a page can say in its reader's language: the skill asked for (null: anyone,
     * a check-on-neighbour visit), free now or from when (neither: not before the deadline), the grid steps from home
     * (null: the building is not on the grid) and the tasks done in the last week. {@code freeFrom} is the estate's
     * local time.
     */
    public record Why(String skill, boolean freeNow, LocalDateTime freeFrom, Integer steps, int tasksThisWeek) {
        /** The reason in English, as the offer keeps it for the record and the API. */
        public String text() {
            String when = freeNow ? "free now" : freeFrom == null ? "not free before the deadline"
                    : "free from " + freeFrom.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                            + freeFrom.toLocalTime();
            String where = steps == null ? "building not on the grid"
                    : steps + (steps == 1 ? " step" : " steps") + " from home";
            return (skill == null ? "any volunteer" : skill) + "; " + when + "; " + where + "; " + tasksThisWeek
                    + " task(s) this week";
        }
    }

    public record Scored(Candidate candidate, int score, Why why) {
        public String reason() {
            return why.text();
        }
    }

    /** {@code gridX}/{@code gridY} null: the request's building is not on the grid, so distance does not count. */
    public static List<Scored> rank(List<Candidate> candidates, String skill, Integer gridX, Integer gridY,
            LocalDateTime now, LocalDateTime deadline, int pointsPerStep, int pointsPerRecentTask, int maxSteps) {
        return candidates.stream()
                .filter(c -> skill == null || c.skills().contains(skill))
                .filter(c -> steps(c, gridX, gridY) <= maxSteps)
                .filter(c -> c.tasksThisWeek() < c.maxTasksPerWeek())
                .map(c -> score(c, skill, gridX, gridY, now, deadline, pointsPerStep, pointsPerRecentTask))
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.candidate().id()))
                .toList();
    }

    private static int steps(Candidate c, Integer gridX, Integer gridY) {
        return gridX == null || gridY == null ? 0 : Math.abs(c.gridX() - gridX) + Math.abs(c.gridY() - gridY);
    }

    private static Scored score(Candidate c, String skill, Integer gridX, Integer gridY, LocalDateTime now,
            LocalDateTime deadline, int pointsPerStep, int pointsPerRecentTask) {
        int steps = steps(c, gridX, gridY);
        boolean freeNow = availableAt(c.availability(), now);
        Optional<LocalDateTime> next = freeNow ? Optional.of(now) : nextWindow(c.availability(), now, deadline);
        int score = 100 + (freeNow ? 40 : next.isPresent() ? 20 : 0) - steps * pointsPerStep
                - c.tasksThisWeek() * pointsPerRecentTask;
        return new Scored(c, score, new Why(skill, freeNow, freeNow ? null : next.orElse(null),
                gridX == null ? null : steps, c.tasksThisWeek()));
    }

    static boolean availableAt(String availability, LocalDateTime at) {
        for (String window : availability.split(";")) {
            if (window.isBlank()) {
                continue;
            }
            String[] parts = window.trim().split("[ -]");
            DayOfWeek day = dayOf(parts[0]);
            LocalTime from = LocalTime.parse(parts[1]);
            LocalTime to = parts[2].equals("24:00") ? LocalTime.MAX : LocalTime.parse(parts[2]);
            if (at.getDayOfWeek() == day && !at.toLocalTime().isBefore(from) && at.toLocalTime().isBefore(to)) {
                return true;
            }
        }
        return false;
    }

    /** The start of the first window after {@code now} and before {@code deadline}, looking a week ahead at most. */
    static Optional<LocalDateTime> nextWindow(String availability, LocalDateTime now, LocalDateTime deadline) {
        LocalDateTime best = null;
        for (String window : availability.split(";")) {
            if (window.isBlank()) {
                continue;
            }
            String[] parts = window.trim().split("[ -]");
            DayOfWeek day = dayOf(parts[0]);
            LocalTime from = LocalTime.parse(parts[1]);
            for (int d = 0; d <= 7; d++) {
                LocalDateTime start = now.toLocalDate().plusDays(d).atTime(from);
                if (start.getDayOfWeek() == day && start.isAfter(now)) {
                    if ((deadline == null || start.isBefore(deadline)) && (best == null || start.isBefore(best))) {
                        best = start;
                    }
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static DayOfWeek dayOf(String code) {
        return switch (code) {
            case "MON" -> DayOfWeek.MONDAY;
            case "TUE" -> DayOfWeek.TUESDAY;
            case "WED" -> DayOfWeek.WEDNESDAY;
            case "THU" -> DayOfWeek.THURSDAY;
            case "FRI" -> DayOfWeek.FRIDAY;
            case "SAT" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }
}
