package org.gongzhi.alliance.warning;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.alliance.task.TaskView.Community;

/** A warning with its patrols. */
public record WarningView(UUID id, String type, String level, Instant from, Instant until, Instant issuedAt,
        Instant liftedAt, String liftReason, List<PatrolView> patrols) {

    /**
     * A patrol: ASSIGNED, IN_PROGRESS (some checkpoints reported), DONE, PROBLEMS_FOUND or CANCELLED; of its warning's
     * community (id and names; the names are not read inside a warning's own view, which is of the worker's community);
     * its risk point by id and by name.
     */
    public record PatrolView(UUID id, UUID warningId, Community community, String riskPointId, String riskPointName,
            String organisationId, String status, Instant reportedAt, int checkpointsDone, int checkpointsTotal,
            int problemsFound, List<CheckView> checks) {
    }

    /**
     * A checkpoint: what to check in Chinese ({@code item}) and English ({@code itemEn}; one a worker typed is the same
     * words in both); a PROBLEM carries what it is and the id under which it was published.
     */
    public record CheckView(int position, String item, String itemEn, String result, String note, String category,
            String urgency, String place, String description, UUID problemId, Instant reportedAt) {
    }

    static PatrolView patrol(Patrol p, Community community, List<PatrolCheck> checks) {
        return patrolOf(p, community, checks.stream().filter(c -> c.patrolId.equals(p.id)).toList());
    }

    static WarningView of(WeatherWarning w, List<Patrol> patrols, List<PatrolCheck> checks) {
        return of(w, patrols, byPatrol(checks));
    }

    /** The views of some patrols, each with its own checks and its warning's community ({@code communities}). */
    static List<PatrolView> patrols(List<Patrol> patrols, List<PatrolCheck> checks,
            Map<UUID, Community> communities) {
        Map<UUID, List<PatrolCheck>> byPatrol = byPatrol(checks);
        return patrols.stream().map(p -> patrolOf(p, communities.get(p.warningId),
                byPatrol.getOrDefault(p.id, List.of()))).toList();
    }

    /** {@code checksByPatrol}: the checks of each patrol, by patrol id, in any order. */
    static WarningView of(WeatherWarning w, List<Patrol> patrols, Map<UUID, List<PatrolCheck>> checksByPatrol) {
        Community community = Community.of(w.communityId, null);
        return new WarningView(w.id, w.type, w.level, w.validFrom, w.validUntil, w.issuedAt, w.liftedAt, w.liftReason,
                patrols.stream().sorted(Comparator.comparing(p -> p.riskPointId))
                        .map(p -> patrolOf(p, community, checksByPatrol.getOrDefault(p.id, List.of()))).toList());
    }

    private static Map<UUID, List<PatrolCheck>> byPatrol(List<PatrolCheck> checks) {
        return checks.stream().collect(Collectors.groupingBy(c -> c.patrolId));
    }

    /** {@code own}: this patrol's checks only. */
    private static PatrolView patrolOf(Patrol p, Community community, List<PatrolCheck> own) {
        List<PatrolCheck> sorted = own.stream().sorted(Comparator.comparingInt(c -> c.position)).toList();
        return new PatrolView(p.id, p.warningId, community, p.riskPointId, p.riskPointName, p.organisationId,
                p.status, p.reportedAt, (int) sorted.stream().filter(c -> c.result != null).count(), sorted.size(),
                (int) sorted.stream().filter(c -> "PROBLEM".equals(c.result)).count(),
                sorted.stream().map(c -> new CheckView(c.position, c.item, c.itemEn == null ? c.item : c.itemEn,
                        c.result, c.note, c.category, c.urgency, c.place, c.description, c.problemId, c.reportedAt))
                        .toList());
    }
}
