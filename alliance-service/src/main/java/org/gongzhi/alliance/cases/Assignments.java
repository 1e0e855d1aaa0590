package org.gongzhi.alliance.cases;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.alliance.AllianceConfig;
import org.gongzhi.alliance.organisation.OrganisationRepository;
import org.gongzhi.alliance.routing.NamedRoute;
import org.gongzhi.alliance.routing.Route;
import org.gongzhi.alliance.routing.RoutingService;
import org.gongzhi.alliance.task.Task;
import org.gongzhi.alliance.task.TaskJournal;
import org.gongzhi.alliance.task.TaskRepository;
import org.gongzhi.events.RequestRecategorised;
import org.gongzhi.events.RequestReopened;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.events.TimeLimits;
import org.gongzhi.events.VolunteerHandedOver;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.reactive.InOrder;
import org.jboss.logging.Logger;

/**
 * Gives requests to parties: the routing on submission, a new round for the lead on reopening, the next party in
 * line on a decline, and cancellation when a request is withdrawn. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Assignments {
    private static final Logger LOG = Logger.getLogger(Assignments.class);

    private final TaskRepository tasks;
    private final CaseRepository cases;
    private final RoutingService routing;
    private final TaskJournal journal;
    private final OrganisationRepository organisations;
    private final AllianceConfig config;
    private final Clock clock;

    Assignments(TaskRepository tasks, CaseRepository cases, RoutingService routing, TaskJournal journal,
            OrganisationRepository organisations, AllianceConfig config, Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
        this.routing = routing;
        this.journal = journal;
        this.organisations = organisations;
        this.config = config;
        this.clock = clock;
    }

    /**
     * One task per chosen party; a request seen before gets nothing more. A request on the volunteers' track has its
     * time limits kept, for a hand-over later.
     */
    public Uni<Void> requestSubmitted(InboundEvent<RequestSubmitted> event) {
        RequestSubmitted r = event.data();
        Uni<Void> kept = keepTimeLimits(r.requestId(), r.hasTrack(RequestSubmitted.TRACK_VOLUNTEERS), r.timeLimits());
        if (!r.hasTrack(RequestSubmitted.TRACK_ALLIANCE)) {
            return kept;
        }
        return kept.chain(() -> route(r.communityId(), r.requestId(), r.category(), r.building(), r.respondBy(),
                r.resolveBy()));
    }

    /**
     * Keeps a volunteer-track request's time limits for a hand-over; an event published before they travelled has
     * none, and a hand-over of that request is then timed by the alliance's defaults.
     */
    private Uni<Void> keepTimeLimits(String requestId, boolean volunteers, TimeLimits limits) {
        return volunteers && limits != null ? cases.keepTimeLimits(requestId, limits) : Uni.createFrom().voidItem();
    }

    /**
     * Opens the alliance's case of a request and gives one task to each party the rules choose; a request that has a
     * case already gets nothing more.
     */
    private Uni<Void> route(String communityId, String requestId, String category, String building,
            Instant respondBy, Instant resolveBy) {
        Instant now = clock.instant();
        Deadlines standard = Deadlines.from(now, fallback());
        AllianceCase c = AllianceCase.open(communityId, requestId, category, building, new Deadlines(
                respondBy != null ? respondBy : standard.acknowledgeBy(),
                resolveBy != null ? resolveBy : standard.completeBy()), now);
        return cases.openCase(c).chain(opened -> {
            if (!opened) {
                LOG.infof("request %s is already with the alliance", requestId);
                return Uni.createFrom().voidItem();
            }
            return routing.routeWithNames(c.communityId, c.category, c.building)
                    .chain(route -> assignParties(c, route, now))
                    .replaceWithVoid();
        });
    }

    /** Nobody from the volunteers took the request: the community office leads it, as the lead of last resort. */
    public Uni<Void> volunteerUnmatched(InboundEvent<VolunteerUnmatched> event) {
        VolunteerUnmatched v = event.data();
        return cases.findCase(v.requestId()).chain(existing -> {
            if (existing != null) {
                return tasks.ofRequest(v.requestId()).chain(list -> {
                    boolean officeOn = list.stream().anyMatch(t -> t.round == existing.round
                            && t.organisationId.equals(config.officeId()) && t.status != TaskStatus.CANCELLED
                            && t.status != TaskStatus.DECLINED);
                    if (officeOn || !existing.isOpen()) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = clock.instant();
                    return assign(existing, config.officeId(), TaskRole.SUPPORT, now,
                            deadlinesForNewcomer(existing, now), "no volunteer took it: " + v.reason())
                            .replaceWithVoid();
                });
            }
            Instant now = clock.instant();
            AllianceCase c = AllianceCase.open(v.communityId(), v.requestId(), v.category(), v.building(),
                    Deadlines.from(now, fallback()), now);
            return c.persist().chain(() -> assign(c, config.officeId(), TaskRole.LEAD, now, c.deadlines(),
                    "no volunteer took it" + (v.reason() == null ? "" : ": " + v.reason()))).replaceWithVoid();
        });
    }

    /**
     * A volunteer found the job needs a professional: the member of the type named that covers the building and
     * handles the category (else any member of that type, else the community office) gets a LEAD task, timed by the
     * request's time limits ({@link #handOverWindows}). A request the alliance already works on gets the party added
     * to its round (unless it is on it already); a resolved one gets a new round; a cancelled one nothing.
     */
    public Uni<Void> volunteerHandedOver(InboundEvent<VolunteerHandedOver> event) {
        VolunteerHandedOver v = event.data();
        String note = "handed over by a volunteer" + (v.reason() == null || v.reason().isBlank() ? ""
                : ": " + v.reason().strip());
        return cases.findCase(v.requestId()).chain(existing -> {
            if (existing != null && existing.is(CaseStatus.CANCELLED)) {
                LOG.infof("request %s was cancelled with the alliance; hand-over to %s ignored", v.requestId(),
                        v.handOverTo());
                return Uni.createFrom().voidItem();
            }
            String category = existing != null ? existing.category : v.category() == null ? "unknown" : v.category();
            String building = existing != null && existing.building != null ? existing.building : v.building();
            return handOverParty(v.communityId(), v.handOverTo(), category, building)
                    .chain(party -> handOverWindows(v.requestId(), existing)
                            .chain(windows -> handOver(v, existing, category, building, party, windows, note)));
        });
    }

    /** The hand-over's LEAD task: a new case, a new round of a resolved one, or a party added to the open round. */
    private Uni<Void> handOver(VolunteerHandedOver v, AllianceCase existing, String category, String building,
            String party, Windows windows, String note) {
        Instant now = clock.instant();
        Deadlines deadlines = Deadlines.from(now, windows);
        if (existing == null) {
            AllianceCase c = AllianceCase.open(v.communityId(), v.requestId(), category, building, deadlines, now);
            return c.persist().chain(() -> assign(c, party, TaskRole.LEAD, now, deadlines, note)).replaceWithVoid();
        }
        if (existing.is(CaseStatus.RESOLVED)) {
            existing.newRound(deadlines, now);
            return assign(existing, party, TaskRole.LEAD, now, deadlines, note).replaceWithVoid();
        }
        return tasks.ofRequest(existing.requestId).chain(list -> {
            boolean on = list.stream().anyMatch(t -> t.round == existing.round
                    && t.organisationId.equals(party) && (t.status.isOpen() || t.isLead()));
            if (on) {
                LOG.infof("%s is already on request %s; hand-over adds nothing", party, v.requestId());
                return Uni.createFrom().voidItem();
            }
            return assign(existing, party, TaskRole.LEAD, now, deadlines, note).replaceWithVoid();
        });
    }

    /**
     * A hand-over is timed by the request's time limits as request-service published them; without them (events
     * published before the limits travelled), by the windows of the request's case, if the alliance has one, else by
     * the alliance's defaults.
     */
    private Uni<Windows> handOverWindows(String requestId, AllianceCase existing) {
        return cases.timeLimits(requestId).map(kept -> {
            if (kept != null) {
                return kept;
            }
            if (existing != null) {
                return existing.windows(fallback());
            }
            LOG.infof("no time limits known for request %s (published before they travelled): the alliance's "
                    + "defaults time its hand-over", requestId);
            return fallback();
        });
    }

    /** The member a hand-over goes to ({@link HandOverParty}), among the community's members. */
    private Uni<String> handOverParty(String communityId, String handOverTo, String category, String building) {
        if (HandOverParty.typeOf(handOverTo) == null) {
            LOG.warnf("hand-over to unknown organisation type '%s' goes to the office", handOverTo);
            return Uni.createFrom().item(config.officeId());
        }
        return organisations.list(communityId).map(all -> HandOverParty.choose(all, handOverTo, category, building,
                config.officeId()));
    }

    /** A reopened request goes back to the party that led the last round, in a new round with fresh deadlines. */
    public Uni<Void> requestReopened(InboundEvent<RequestReopened> event) {
        RequestReopened r = event.data();
        return cases.findCase(r.requestId()).chain(c -> {
            if (c == null) {
                if (r.tracks() == null || !r.tracks().contains(RequestSubmitted.TRACK_ALLIANCE)) {
                    return Uni.createFrom().voidItem();
                }
                return route(r.communityId(), r.requestId(), r.category(), r.building(), null, null);
            }
            Instant now = clock.instant();
            return tasks.ofRequest(c.requestId).chain(previous -> {
                Optional<String> lead = c.leadOfRound(previous);
                c.newRound(c.freshDeadlines(now, fallback()), now);
                Uni<String> leader = lead.isPresent() ? Uni.createFrom().item(lead.get())
                        : routing.route(c.communityId, c.category, c.building).map(Route::lead);
                return leader.chain(party -> assign(c, party, TaskRole.LEAD, now, c.deadlines(),
                        "reopened: " + (r.reason() == null ? "the resident is not satisfied" : r.reason())));
            }).replaceWithVoid();
        });
    }

    /**
     * A withdrawn, rejected, merged or closed request cancels whatever work is still open on it; a merge undone
     * (from MERGED back to an open status) routes the request again, in a new round.
     */
    public Uni<Void> requestStatusChanged(InboundEvent<RequestStatusChanged> event) {
        RequestStatusChanged r = event.data();
        if (r.fromStatus() == RequestStatus.MERGED && !r.toStatus().hasEnded()) {
            return cases.findCase(r.requestId()).chain(c -> c == null || !c.is(CaseStatus.CANCELLED)
                    ? Uni.createFrom().voidItem()
                    : routeAgain(c, "no longer merged"));
        }
        if (!r.toStatus().hasEnded()) {
            return Uni.createFrom().voidItem();
        }
        return cases.findCase(r.requestId()).chain(c -> c == null ? Uni.createFrom().voidItem()
                : cancel(c, "request " + r.to().toLowerCase() + (r.reason() == null ? "" : ": " + r.reason())));
    }

    /** Cancels the case's open tasks; an open case is cancelled with them. */
    private Uni<Void> cancel(AllianceCase c, String note) {
        Instant now = clock.instant();
        return tasks.ofRequest(c.requestId).chain(list -> {
            List<Task> open = list.stream().filter(t -> t.status.isOpen()).toList();
            return InOrder.each(open, t -> {
                t.moveTo(TaskStatus.CANCELLED, now, note);
                return journal.changed(t, note, now);
            });
        }).invoke(() -> {
            if (c.isOpen()) {
                c.cancel();
            }
        });
    }

    /**
     * A cancelled case taken up again (a merge undone, the alliance track added back): a new round routed by the rules,
     * with the request's deadlines, or fresh ones of the same length if those have passed.
     */
    private Uni<Void> routeAgain(AllianceCase c, String why) {
        Instant now = clock.instant();
        c.takeUpAgain(now, fallback());
        LOG.infof("request %s routed again: %s", c.requestId, why);
        return routing.routeWithNames(c.communityId, c.category, c.building)
                .chain(route -> assignParties(c, route, now))
                .replaceWithVoid();
    }

    /**
     * A worker re-triaged a request: the alliance follows its tracks and category. The ALLIANCE track removed
     * cancels the open tasks; added (or never routed) routes it; a changed category re-routes the open case
     * ({@link #reroute}); new deadlines move the open tasks that keep going.
     */
    public Uni<Void> requestRecategorised(InboundEvent<RequestRecategorised> event) {
        RequestRecategorised r = event.data();
        return keepTimeLimits(r.requestId(), r.hasTrack(RequestSubmitted.TRACK_VOLUNTEERS), r.timeLimits())
                .chain(() -> cases.findCase(r.requestId())).chain(c -> {
            if (!r.hasTrack(RequestSubmitted.TRACK_ALLIANCE)) {
                return c == null ? Uni.createFrom().voidItem()
                        : cancel(c, "re-triaged: the alliance is no longer needed");
            }
            if (c == null) {
                return route(r.communityId(), r.requestId(), r.category(), r.building(), r.respondBy(),
                        r.resolveBy());
            }
            c.retime(r.category(), r.respondBy(), r.resolveBy());
            if (c.is(CaseStatus.CANCELLED)) {
                return routeAgain(c, "the alliance track was added again");
            }
            if (c.is(CaseStatus.RESOLVED)) {
                return r.added(RequestSubmitted.TRACK_ALLIANCE) ? routeAgain(c, "the alliance track was added again")
                        : Uni.createFrom().voidItem();
            }
            return reroute(c, r);
        });
    }

    /**
     * Re-routes an open case by the rules of its (new) category: the open tasks of parties the rules no longer
     * name in that role are cancelled, the parties newly named are assigned, and those still right keep their tasks
     * (and any work done). Parties that declined in this round are not asked again: the next in line leads instead.
     * A change starts a new round, which the kept tasks join, so a party may come back in a role it had before.
     */
    private Uni<Void> reroute(AllianceCase c, RequestRecategorised r) {
        Instant now = clock.instant();
        String note = "re-triaged to " + r.category() + " (urgency " + r.urgency() + ")";
        return routing.routeWithNames(c.communityId, c.category, c.building).chain(named -> tasks
                .ofRequest(c.requestId).chain(list -> {
                    Route route = named.route();
                    List<Task> current = list.stream().filter(t -> t.round == c.round).toList();
                    Set<String> declined = current.stream().filter(t -> t.status == TaskStatus.DECLINED)
                            .map(t -> t.organisationId).collect(Collectors.toSet());
                    String lead = declined.contains(route.lead()) ? route.next(declined).orElse(config.officeId())
                            : route.lead();
                    Map<String, TaskRole> wanted = new LinkedHashMap<>();
                    wanted.put(lead, TaskRole.LEAD);
                    route.supporting().stream().filter(p -> !declined.contains(p) && !p.equals(lead))
                            .forEach(p -> wanted.put(p, TaskRole.SUPPORT));
                    List<Task> kept = current.stream().filter(t -> t.status.isOpen()
                            || t.status == TaskStatus.COMPLETED)
                            .filter(t -> t.role == wanted.get(t.organisationId)).toList();
                    List<Task> dropped = current.stream().filter(t -> t.status.isOpen() && !kept.contains(t))
                            .toList();
                    Set<String> keptParties = kept.stream().map(t -> t.organisationId).collect(Collectors.toSet());
                    List<Task> added = new ArrayList<>();
                    wanted.forEach((party, role) -> {
                        if (!keptParties.contains(party)) {
                            added.add(newTask(c, party, named.name(party), role, now, c.deadlines()));
                        }
                    });
                    Uni<Void> moved = InOrder.each(kept.stream().filter(t -> t.status.isOpen()).toList(),
                            t -> follow(t, c, note, now));
                    if (dropped.isEmpty() && added.isEmpty()) {
                        return moved;
                    }
                    c.regroup();
                    kept.forEach(t -> t.round = c.round);
                    added.forEach(t -> t.round = c.round);
                    return InOrder.each(dropped, t -> {
                                t.moveTo(TaskStatus.CANCELLED, now, note + ": no longer needed");
                                return journal.changed(t, note + ": no longer needed", now);
                            })
                            .chain(() -> moved)
                            .chain(() -> added.isEmpty() ? Uni.createFrom().voidItem()
                                    : Panache.getSession().chain(s -> s.persistAll(added.toArray()))
                                            .chain(() -> journal.assigned(added)));
                }));
    }

    /** A task that keeps going takes the request's new deadlines (a later confirm deadline only while unconfirmed). */
    private Uni<Void> follow(Task t, AllianceCase c, String note, Instant now) {
        boolean ack = t.acknowledgedAt == null && c.respondBy != null && !c.respondBy.equals(t.acknowledgeBy);
        boolean complete = c.resolveBy != null && !c.resolveBy.equals(t.completeBy);
        if (!ack && !complete) {
            return Uni.createFrom().voidItem();
        }
        if (ack) {
            t.acknowledgeBy = c.respondBy;
        }
        if (complete) {
            t.completeBy = c.resolveBy;
        }
        t.updatedAt = now;
        return journal.deadlineChanged(t, note, now);
    }

    /** The route's parties' tasks, persisted together and journalled together (their feed entries in one go). */
    private Uni<List<Task>> assignParties(AllianceCase c, NamedRoute named, Instant now) {
        Route route = named.route();
        List<String> parties = new ArrayList<>();
        parties.add(route.lead());
        parties.addAll(route.supporting());
        List<Task> assigned = new ArrayList<>();
        for (String party : parties) {
            TaskRole role = party.equals(route.lead()) ? TaskRole.LEAD : TaskRole.SUPPORT;
            assigned.add(newTask(c, party, named.name(party), role, now, c.deadlines()));
        }
        return Panache.getSession().chain(session -> session.persistAll(assigned.toArray()))
                .chain(() -> journal.assigned(assigned))
                .replaceWith(assigned);
    }

    /** A new task for one party in the case's current round. */
    public Uni<Task> assign(AllianceCase c, String party, TaskRole role, Instant now, Deadlines deadlines,
            String note) {
        return routing.names(c.communityId, List.of(party)).chain(names -> {
            Task t = newTask(c, party, names.get(party), role, now, deadlines);
            t.note = note;
            return t.<Task>persist().chain(() -> journal.assigned(t)).replaceWith(t);
        });
    }

    /** Deadlines for a party joining the current round now ({@link AllianceCase#deadlinesForNewcomer}). */
    public Deadlines deadlinesForNewcomer(AllianceCase c, Instant now) {
        return c.deadlinesForNewcomer(now, fallback());
    }

    /** The next party in line for a declined task of this round, if any is left. */
    public Uni<Optional<String>> nextInLine(AllianceCase c) {
        return tasks.ofRequest(c.requestId).chain(list -> {
            Set<String> taken = list.stream().filter(t -> t.round == c.round).map(t -> t.organisationId)
                    .collect(Collectors.toSet());
            return routing.route(c.communityId, c.category, c.building).map(route -> route.next(taken));
        });
    }

    /** The windows when a request names none: {@code gongzhi.alliance.acknowledge-within} / {@code complete-within}. */
    Windows fallback() {
        return new Windows(config.acknowledgeWithin(), config.completeWithin());
    }

    private static Task newTask(AllianceCase c, String party, String name, TaskRole role, Instant now,
            Deadlines deadlines) {
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.communityId = c.communityId;
        t.requestId = c.requestId;
        t.organisationId = party;
        t.organisationName = name;
        t.role = role;
        t.round = c.round;
        t.status = TaskStatus.ASSIGNED;
        t.category = c.category;
        t.building = c.building;
        t.acknowledgeBy = deadlines.acknowledgeBy();
        t.completeBy = deadlines.completeBy();
        t.assignedAt = now;
        t.updatedAt = now;
        return t;
    }
}
