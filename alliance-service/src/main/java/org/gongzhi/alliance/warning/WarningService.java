package org.gongzhi.alliance.warning;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhi.alliance.risk.RiskPoint;
import org.gongzhi.alliance.task.Actor;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;

/** Weather warnings and the patrols of the risk points they threaten. */
@ApplicationScoped
public class WarningService {
    private final Outbox outbox;
    private final Clock clock;

    WarningService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Issues the warning and a patrol with a checklist for every risk point of that weather. */
    @WithTransaction
    public Uni<WarningView> issue(Actor actor, @Valid @NotNull NewWarning input) {
        Instant now = clock.instant();
        Instant from = input.from() == null ? now : input.from();
        if (!input.until().isAfter(from)) {
            throw ProblemException.invalid("until", "must be after from");
        }
        if (!input.until().isAfter(now)) {
            throw ProblemException.invalid("until", "is in the past");
        }
        WeatherWarning w = new WeatherWarning();
        w.id = UUID.randomUUID();
        w.communityId = actor.community();
        w.type = input.type();
        w.level = input.level();
        w.validFrom = from;
        w.validUntil = input.until();
        w.issuedBy = actor.id();
        w.issuedAt = now;
        return RiskPoint.<RiskPoint>list("communityId = ?1 order by id", actor.community()).chain(points -> {
            List<Patrol> patrols = new ArrayList<>();
            List<PatrolCheck> checks = new ArrayList<>();
            for (RiskPoint point : points) {
                if (!point.warningTypes.contains(input.type())) {
                    continue;
                }
                Patrol p = new Patrol();
                p.id = UUID.randomUUID();
                p.warningId = w.id;
                p.riskPointId = point.id;
                p.organisationId = point.organisationId;
                p.status = Patrol.ASSIGNED;
                p.createdAt = now;
                patrols.add(p);
                for (int i = 0; i < point.checklist.size(); i++) {
                    PatrolCheck c = new PatrolCheck();
                    c.patrolId = p.id;
                    c.position = i;
                    c.item = point.checklist.get(i);
                    checks.add(c);
                }
            }
            return w.persist()
                    .chain(() -> Panache.getSession())
                    .chain(s -> s.persistAll(patrols.toArray()).chain(() -> s.persistAll(checks.toArray())))
                    .chain(() -> outbox.add(new WarningIssued(w.communityId, w.id.toString(), w.type, w.level,
                            w.validFrom, w.validUntil, now)))
                    .replaceWith(() -> WarningView.of(w, patrols, checks));
        });
    }

    @WithTransaction
    public Uni<WarningView> find(Actor actor, UUID id) {
        return warning(actor, id).chain(w -> view(w));
    }

    @WithTransaction
    public Uni<List<WarningView>> list(Actor actor) {
        return WeatherWarning.<WeatherWarning>list("communityId = ?1 order by issuedAt desc", actor.community())
                .chain(ws -> {
                    Uni<List<WarningView>> all = Uni.createFrom().item(new ArrayList<>());
                    for (WeatherWarning w : ws) {
                        all = all.chain(views -> view(w).map(v -> {
                            views.add(v);
                            return views;
                        }));
                    }
                    return all;
                });
    }

    /** The warning is over: patrols not yet done are cancelled. */
    @WithTransaction
    public Uni<WarningView> lift(Actor actor, UUID id) {
        return warning(actor, id).chain(w -> {
            if (w.liftedAt != null) {
                throw ProblemException.conflict("warning " + id + " was already lifted");
            }
            w.liftedAt = clock.instant();
            return Patrol.update("status = ?1 where warningId = ?2 and status = ?3", Patrol.CANCELLED, w.id,
                    Patrol.ASSIGNED).chain(() -> view(w));
        });
    }

    /** A partner's patrols (staff: all), newest first. */
    @WithTransaction
    public Uni<List<WarningView.PatrolView>> patrols(Actor actor, String status) {
        StringBuilder where = new StringBuilder("warningId in (select w.id from WeatherWarning w "
                + "where w.communityId = ?1)");
        List<Object> params = new ArrayList<>(List.of(actor.community()));
        if (!actor.staff()) {
            params.add(actor.organisation());
            where.append(" and organisationId = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            where.append(" and status = ?").append(params.size());
        }
        return Patrol.<Patrol>list(where + " order by createdAt desc, riskPointId", params.toArray())
                .chain(ps -> checks(ps).map(cs -> ps.stream().map(p -> WarningView.patrol(p, cs)).toList()));
    }

    /** The organisation reports what it found at each checkpoint. */
    @WithTransaction
    public Uni<WarningView.PatrolView> report(Actor actor, UUID patrolId, @Valid @NotNull PatrolReport report) {
        return Patrol.<Patrol>findById(patrolId).chain(p -> {
            if (p == null || (!actor.staff() && !p.organisationId.equals(actor.organisation()))) {
                throw ProblemException.notFound("patrol", patrolId.toString());
            }
            return WeatherWarning.<WeatherWarning>findById(p.warningId).chain(w -> {
                if (!w.communityId.equals(actor.community())) {
                    throw ProblemException.notFound("patrol", patrolId.toString());
                }
                if (!Patrol.ASSIGNED.equals(p.status)) {
                    throw ProblemException.conflict("patrol " + patrolId + " is " + p.status);
                }
                return checks(List.of(p));
            }).map(cs -> {
                for (int i = 0; i < report.checks().size(); i++) {
                    PatrolReport.Result r = report.checks().get(i);
                    String field = "checks[" + i + "].position";
                    PatrolCheck check = cs.stream().filter(c -> c.position == r.position()).findFirst()
                            .orElseThrow(() -> ProblemException.invalid(field,
                                    "the checklist has no such checkpoint"));
                    check.result = r.result();
                    check.note = r.note();
                }
                if (cs.stream().anyMatch(c -> c.result == null)) {
                    throw ProblemException.invalid("checks", "report every checkpoint of the checklist");
                }
                p.status = cs.stream().anyMatch(c -> "PROBLEM".equals(c.result)) ? Patrol.PROBLEMS_FOUND
                        : Patrol.DONE;
                p.reportedAt = clock.instant();
                return WarningView.patrol(p, cs);
            });
        });
    }

    private Uni<WeatherWarning> warning(Actor actor, UUID id) {
        return WeatherWarning.<WeatherWarning>findById(id).map(w -> {
            if (w == null || !w.communityId.equals(actor.community())) {
                throw ProblemException.notFound("warning", id.toString());
            }
            return w;
        });
    }

    private Uni<WarningView> view(WeatherWarning w) {
        return Patrol.<Patrol>list("warningId", w.id)
                .chain(ps -> checks(ps).map(cs -> WarningView.of(w, ps, cs)));
    }

    private static Uni<List<PatrolCheck>> checks(List<Patrol> patrols) {
        if (patrols.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return PatrolCheck.list("patrolId in ?1", patrols.stream().map(p -> p.id).toList());
    }
}
