package org.gongzhi.alliance.warning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A warning with its patrols. */
public record WarningView(UUID id, String type, String level, Instant from, Instant until, Instant issuedAt,
        Instant liftedAt, List<PatrolView> patrols) {

    public record PatrolView(UUID id, UUID warningId, String riskPointId, String organisationId, String status,
            Instant reportedAt, List<CheckView> checks) {
    }

    public record CheckView(int position, String item, String result, String note) {
    }

    static PatrolView patrol(Patrol p, List<PatrolCheck> checks) {
        return new PatrolView(p.id, p.warningId, p.riskPointId, p.organisationId, p.status, p.reportedAt,
                checks.stream().filter(c -> c.patrolId.equals(p.id))
                        .sorted(java.util.Comparator.comparingInt(c -> c.position))
                        .map(c -> new CheckView(c.position, c.item, c.result, c.note)).toList());
    }

    static WarningView of(WeatherWarning w, List<Patrol> patrols, List<PatrolCheck> checks) {
        return new WarningView(w.id, w.type, w.level, w.validFrom, w.validUntil, w.issuedAt, w.liftedAt,
                patrols.stream().sorted(java.util.Comparator.comparing(p -> p.riskPointId))
                        .map(p -> patrol(p, checks)).toList());
    }
}
