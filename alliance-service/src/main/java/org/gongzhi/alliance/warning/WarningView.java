package org.gongzhi.alliance.warning;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A warning with its patrols. */
public record WarningView(UUID id, String type, String level, Instant from, Instant until, Instant issuedAt,
        Instant liftedAt, String liftReason, List<PatrolView> patrols) {

    /** A patrol: ASSIGNED, IN_PROGRESS (some checkpoints reported), DONE, PROBLEMS_FOUND or CANCELLED. */
    public record PatrolView(UUID id, UUID warningId, String riskPointId, String organisationId, String status,
            Instant reportedAt, int checkpointsDone, int checkpointsTotal, int problemsFound,
            List<CheckView> checks) {
    }

    /** A checkpoint; a PROBLEM carries what it is and the id under which it was published. */
    public record CheckView(int position, String item, String result, String note, String category, String urgency,
            String place, String description, UUID problemId, Instant reportedAt) {
    }

    static PatrolView patrol(Patrol p, List<PatrolCheck> checks) {
        List<PatrolCheck> own = checks.stream().filter(c -> c.patrolId.equals(p.id))
                .sorted(Comparator.comparingInt(c -> c.position)).toList();
        return new PatrolView(p.id, p.warningId, p.riskPointId, p.organisationId, p.status, p.reportedAt,
                (int) own.stream().filter(c -> c.result != null).count(), own.size(),
                (int) own.stream().filter(c -> "PROBLEM".equals(c.result)).count(),
                own.stream().map(c -> new CheckView(c.position, c.item, c.result, c.note, c.category, c.urgency,
                        c.place, c.description, c.problemId, c.reportedAt)).toList());
    }

    static WarningView of(WeatherWarning w, List<Patrol> patrols, List<PatrolCheck> checks) {
        return new WarningView(w.id, w.type, w.level, w.validFrom, w.validUntil, w.issuedAt, w.liftedAt, w.liftReason,
                patrols.stream().sorted(Comparator.comparing(p -> p.riskPointId))
                        .map(p -> patrol(p, checks)).toList());
    }
}
