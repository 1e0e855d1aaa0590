package org.gongzhi.alliance.warning;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.alliance.AllianceConfig;
import org.gongzhi.alliance.estate.Estate;
import org.gongzhi.alliance.organisation.Membership;
import org.gongzhi.alliance.organisation.OrganisationService;
import org.gongzhi.alliance.risk.RiskPoint;
import org.gongzhi.alliance.task.TaskJournal;
import org.gongzhi.alliance.task.TaskView.Community;
import org.gongzhi.events.PatrolChecked;
import org.gongzhi.events.PatrolProblemFound;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.events.WarningLifted;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.api.PageQuery;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.persistence.IdList;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.platform.security.Caller;

/** Weather warnings and the patrols of the risk points they threaten. */
@ApplicationScoped
public class WarningService {
    private static final List<String> OPEN = List.of(Patrol.ASSIGNED, Patrol.IN_PROGRESS);

    private final Outbox outbox;
    private final TaskJournal journal;
    private final OrganisationService organisations;
    private final AllianceConfig config;
    private final Clock clock;
    private final Estate estate;
    private final Membership membership;

    WarningService(Outbox outbox, TaskJournal journal, OrganisationService organisations, AllianceConfig config,
            Clock clock, Estate estate, Membership membership) {
        this.membership = membership;
        this.outbox = outbox;
        this.journal = journal;
        this.organisations = organisations;
        this.config = config;
        this.clock = clock;
        this.estate = estate;
    }

    /**
     * Issues the warning and a patrol with a checklist for every risk point of that weather; the event names who is
     * on duty now at every organisation with a patrol and at the community office.
     */
    @WithTransaction
    public Uni<WarningView> issue(Caller caller, @Valid @NotNull NewWarning input) {
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
        w.communityId = caller.community();
        w.type = input.type();
        w.level = input.level();
        w.validFrom = from;
        w.validUntil = input.until();
        w.issuedBy = caller.id();
        w.issuedAt = now;
        return RiskPoint.<RiskPoint>list("communityId = ?1 order by id", caller.community()).chain(points -> {
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
                p.riskPointName = point.name;
                p.organisationId = point.organisationId;
                p.status = Patrol.ASSIGNED;
                p.createdAt = now;
                patrols.add(p);
                for (int i = 0; i < point.checklist.size(); i++) {
                    PatrolCheck c = new PatrolCheck();
                    c.patrolId = p.id;
                    c.position = i;
                    c.item = point.checklist.get(i);
                    c.itemEn = point.itemEn(i);
                    checks.add(c);
                }
            }
            List<String> patrolling = patrols.stream().map(p -> p.organisationId).distinct().sorted().toList();
            List<String> toTell = new ArrayList<>(patrolling);
            toTell.add(config.officeId());
            return w.persist()
                    .chain(() -> Panache.getSession())
                    .chain(s -> s.persistAll(patrols.toArray()).chain(() -> s.persistAll(checks.toArray())))
                    .chain(() -> organisations.onDuty(w.communityId, toTell, now))
                    .chain(onDuty -> {
                        WarningIssued issued = new WarningIssued(w.communityId, w.id.toString(), w.type, w.level,
                                w.validFrom, w.validUntil, now, onDuty);
                        return outbox.add(issued).chain(() -> journal.feed(patrolling, now, issued));
                    })
                    .replaceWith(() -> WarningView.of(w, patrols, checks));
        });
    }

    @WithTransaction
    public Uni<WarningView> find(Caller caller, UUID id) {
        return warning(caller, id).chain(w -> view(w));
    }

    /**
     * One page of the community's warnings, newest first, each viewed as {@link #find} views it, in at most three
     * queries whatever the page holds: the total, the page, and its patrols with their checks.
     */
    @WithTransaction
    public Uni<Page<WarningView>> list(Caller caller, @Valid @NotNull WarningSearch search) {
        StringBuilder where = new StringBuilder("communityId = :community");
        Map<String, Object> params = new HashMap<>();
        params.put("community", caller.community());
        if (search.active != null) {
            where.append(search.active ? " and liftedAt is null and validUntil > :now"
                    : " and (liftedAt is not null or validUntil <= :now)");
            params.put("now", clock.instant());
        }
        return search.answer(PageQuery.total("WeatherWarning", where, params),
                () -> WeatherWarning.<WeatherWarning>find(where.toString(), Sort.descending("issuedAt", "id"), params)
                        .page(search.page, search.size()).list()
                        .chain(this::views));
    }

    /**
     * The warning is over: patrols not yet finished are cancelled, {@code warning.lifted} is published, and the
     * feed of every organisation whose patrol was cancelled shows it.
     */
    @WithTransaction
    public Uni<WarningView> lift(Caller caller, UUID id, @Valid LiftWarning input) {
        String reason = input == null || input.reason() == null || input.reason().isBlank() ? null
                : input.reason().strip();
        return warning(caller, id, LockModeType.PESSIMISTIC_WRITE).chain(w -> {
            if (w.liftedAt != null) {
                throw ProblemException.conflict("warning " + id + " was already lifted");
            }
            Instant now = clock.instant();
            w.liftedAt = now;
            w.liftedBy = caller.id();
            w.liftReason = reason;
            return Patrol.<Patrol>list("warningId = ?1 and status in ?2", w.id, OPEN).chain(open -> {
                open.forEach(p -> p.status = Patrol.CANCELLED);
                List<String> cancelled = open.stream().map(p -> p.organisationId).distinct().sorted().toList();
                WarningLifted lifted = new WarningLifted(w.communityId, w.id.toString(), reason, now);
                return outbox.add(lifted).chain(() -> journal.feed(cancelled, now, lifted));
            }).chain(() -> Panache.getSession()).chain(s -> s.flush()).chain(() -> view(w));
        });
    }

    /**
     * One page of the community's patrols (a partner's: its own organisation's only, in every community it acts in),
     * newest first, then by risk point and id, each naming its community, in at most five queries whatever the page
     * holds: the total, the page, its checks, its warnings' communities and their names.
     */
    @WithTransaction
    public Uni<Page<WarningView.PatrolView>> patrols(Caller caller, @Valid @NotNull PatrolSearch search) {
        return membership.communities(caller).chain(communities -> patrolsIn(IdList.of(communities), caller, search));
    }

    private Uni<Page<WarningView.PatrolView>> patrolsIn(IdList<String> communities, Caller caller,
            PatrolSearch search) {
        StringBuilder where = new StringBuilder("warningId in (select w.id from WeatherWarning w "
                + "where w.communityId " + communities.condition() + ")");
        Map<String, Object> params = new HashMap<>();
        params.put("ids", communities.bound());
        if (!caller.staff()) {
            where.append(" and organisationId = :organisation");
            params.put("organisation", caller.org());
        }
        if (search.status != null) {
            where.append(" and status = :status");
            params.put("status", search.status);
        }
        return search.answer(PageQuery.total("Patrol", where, params),
                () -> Patrol.<Patrol>find(where + " order by createdAt desc, riskPointId, id", params)
                        .page(search.page, search.size()).list()
                        .chain(ps -> checks(ps).chain(cs -> communities(ps)
                                .map(named -> WarningView.patrols(ps, cs, named)))));
    }

    /** Each patrol's community (its warning's), by warning id, with the community's names. */
    private Uni<Map<UUID, Community>> communities(List<Patrol> patrols) {
        if (patrols.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        IdList<UUID> ids = IdList.of(patrols.stream().map(p -> p.warningId).distinct().toList());
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select w.id, w.communityId from WeatherWarning w where w.id " + ids.condition(),
                        Object[].class)
                .setParameter("ids", ids.bound()).getResultList())
                .chain(rows -> estate.communities(rows.stream().map(r -> (String) r[1]).distinct().toList())
                        .map(names -> {
                            Map<UUID, Community> byWarning = new HashMap<>();
                            rows.forEach(r -> byWarning.put((UUID) r[0],
                                    Community.of((String) r[1], names.get((String) r[1]))));
                            return byWarning;
                        }));
    }

    /**
     * The organisation reports what it found at some or all checkpoints (again, to correct one). Each report
     * publishes {@code patrol.checked} with the patrol's totals; the first PROBLEM at a checkpoint publishes
     * {@code patrol.problem-found} under an id that stays the checkpoint's, so reporting it again publishes no
     * second problem. When every checkpoint is reported the patrol is DONE or PROBLEMS_FOUND.
     */
    @WithTransaction
    public Uni<WarningView.PatrolView> report(Caller caller, UUID patrolId, @Valid @NotNull PatrolReport report) {
        validate(report);
        return recordReport(caller, patrolId, report);
    }

    /** A problem's category is one the patrol's community has not withdrawn. */
    private Uni<Void> checkCategories(String communityId, PatrolReport report) {
        return estate.categories(communityId).invoke(known -> {
            for (int i = 0; i < report.checks().size(); i++) {
                PatrolReport.Result r = report.checks().get(i);
                if (r.problem()) {
                    Estate.require(r.category(), known, "checks[" + i + "].category", "category");
                }
            }
        }).replaceWithVoid();
    }

    private Uni<WarningView.PatrolView> recordReport(Caller caller, UUID patrolId, PatrolReport report) {
        // reports of one patrol take turns, so a problem reported twice at once is still published once
        return Patrol.<Patrol>findById(patrolId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null || (!caller.staff() && !p.organisationId.equals(caller.org()))) {
                throw ProblemException.notFound("patrol", patrolId.toString());
            }
            return WeatherWarning.<WeatherWarning>findById(p.warningId).chain(w -> membership.actsIn(caller,
                    w.communityId).chain(member -> {
                if (!member) {
                    throw ProblemException.notFound("patrol", patrolId.toString());
                }
                if (w.liftedAt != null) {
                    throw ProblemException.conflict("warning " + w.id + " was lifted; patrol " + patrolId + " is "
                            + p.status);
                }
                if (Patrol.CANCELLED.equals(p.status)) {
                    throw ProblemException.conflict("patrol " + patrolId + " is " + p.status);
                }
                return checkCategories(w.communityId, report).chain(() -> checks(List.of(p)))
                        .chain(cs -> RiskPoint.<RiskPoint>findById(p.riskPointId)
                                .chain(point -> apply(w, p, point, cs, report)));
            }));
        });
    }

    /** Field rules that need the catalogue; nothing is written before they all pass. */
    private void validate(PatrolReport report) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < report.checks().size(); i++) {
            PatrolReport.Result r = report.checks().get(i);
            if (!seen.add(r.position())) {
                throw ProblemException.invalid("checks[" + i + "].position", "checkpoint " + r.position()
                        + " is reported twice");
            }
            if (!r.problem()) {
                continue;
            }
            if (r.category() == null || r.category().isBlank()) {
                throw ProblemException.invalid("checks[" + i + "].category", "say what kind of problem it is");
            }
            if (describe(r) == null) {
                throw ProblemException.invalid("checks[" + i + "].description", "describe the problem");
            }
        }
    }

    private Uni<WarningView.PatrolView> apply(WeatherWarning w, Patrol p, RiskPoint point, List<PatrolCheck> cs,
            PatrolReport report) {
        Instant now = clock.instant();
        List<PatrolCheck> newProblems = new ArrayList<>();
        for (int i = 0; i < report.checks().size(); i++) {
            PatrolReport.Result r = report.checks().get(i);
            String field = "checks[" + i + "].position";
            PatrolCheck check = cs.stream().filter(c -> c.position == r.position()).findFirst()
                    .orElseThrow(() -> ProblemException.invalid(field, "the checklist has no such checkpoint"));
            check.result = r.result();
            check.note = blankToNull(r.note());
            check.reportedAt = now;
            if (r.problem()) {
                check.category = r.category();
                check.urgency = r.urgency();
                check.place = blankToNull(r.place());
                check.description = describe(r);
                if (check.problemId == null) {
                    check.problemId = UUID.nameUUIDFromBytes(("patrol-problem:" + p.id + ":" + check.position)
                            .getBytes(StandardCharsets.UTF_8));
                    newProblems.add(check);
                }
            } else {
                check.category = null;
                check.urgency = null;
                check.place = null;
                check.description = null;
            }
        }
        int done = (int) cs.stream().filter(c -> c.result != null).count();
        int problems = (int) cs.stream().filter(c -> "PROBLEM".equals(c.result)).count();
        if (done < cs.size()) {
            p.status = Patrol.IN_PROGRESS;
        } else {
            p.status = problems > 0 ? Patrol.PROBLEMS_FOUND : Patrol.DONE;
        }
        p.reportedAt = now;
        String name = point == null ? null : point.name;
        String building = point == null ? null : point.building;
        String place = point == null ? null : point.place;
        return outbox.add(new PatrolChecked(w.communityId, w.id.toString(), p.id.toString(),
                        p.riskPointId, name, p.organisationId, building, done, cs.size(), problems, now))
                .chain(() -> InOrder.each(newProblems, c -> outbox.add(new PatrolProblemFound(w.communityId,
                        w.id.toString(), p.id.toString(), c.problemId.toString(), p.riskPointId, name, building,
                        c.place, place, c.category, c.urgency, c.description, p.organisationId, now))))
                .chain(() -> estate.communities(List.of(w.communityId)))
                .map(names -> WarningView.patrol(p, Community.of(w.communityId, names.get(w.communityId)), cs));
    }

    /** The problem's description, else the checkpoint's note. */
    private static String describe(PatrolReport.Result r) {
        String description = blankToNull(r.description());
        return description != null ? description : blankToNull(r.note());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Uni<WeatherWarning> warning(Caller caller, UUID id) {
        return warning(caller, id, LockModeType.NONE);
    }

    /** The warning if it is the caller's community's, else 404; locked when asked (two lifts at once: one wins). */
    private Uni<WeatherWarning> warning(Caller caller, UUID id, LockModeType lock) {
        return WeatherWarning.<WeatherWarning>findById(id, lock).map(w -> {
            if (w == null || !w.communityId.equals(caller.community())) {
                throw ProblemException.notFound("warning", id.toString());
            }
            return w;
        });
    }

    private Uni<WarningView> view(WeatherWarning w) {
        return views(List.of(w)).map(vs -> vs.get(0));
    }

    /** The warnings with their patrols and checks, in their order, read in one query. */
    private Uni<List<WarningView>> views(List<WeatherWarning> ws) {
        if (ws.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        IdList<UUID> ids = IdList.of(ws.stream().map(w -> w.id).toList());
        String hql = "select p, c from Patrol p left join PatrolCheck c on c.patrolId = p.id where p.warningId "
                + ids.condition();
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, Object[].class)
                        .setParameter("ids", ids.bound())
                        .getResultList())
                .map(rows -> {
                    Map<UUID, List<Patrol>> patrols = new HashMap<>();
                    Map<UUID, List<PatrolCheck>> checks = new HashMap<>();
                    for (Object[] row : rows) {
                        Patrol p = (Patrol) row[0];
                        List<PatrolCheck> own = checks.get(p.id);
                        if (own == null) {
                            own = new ArrayList<>();
                            checks.put(p.id, own);
                            patrols.computeIfAbsent(p.warningId, id -> new ArrayList<>()).add(p);
                        }
                        if (row[1] != null) {
                            own.add((PatrolCheck) row[1]);
                        }
                    }
                    return ws.stream().map(w -> WarningView.of(w, patrols.getOrDefault(w.id, List.of()), checks))
                            .toList();
                });
    }

    /** The checks of the patrols, in one query. */
    private static Uni<List<PatrolCheck>> checks(List<Patrol> patrols) {
        if (patrols.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        IdList<UUID> ids = IdList.of(patrols.stream().map(p -> p.id).toList());
        return PatrolCheck.list("patrolId " + ids.condition(), Map.of("ids", ids.bound()));
    }
}
