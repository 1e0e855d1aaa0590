package org.gongzhi.alliance.task;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongzhi.alliance.AllianceConfig;
import org.gongzhi.alliance.organisation.Organisation;
import org.gongzhi.alliance.organisation.OrganisationRepository;
import org.gongzhi.alliance.routing.NamedRoute;
import org.gongzhi.alliance.routing.Route;
import org.gongzhi.alliance.routing.RoutingService;
import org.gongzhi.events.OrganisationType;
import org.gongzhi.events.RequestRecategorised;
import org.gongzhi.events.RequestReopened;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
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
    private static final Set<String> ENDED = Set.of("WITHDRAWN", "REJECTED", "CLOSED", "MERGED");

    private final TaskRepository tasks;
    private final RoutingService routing;
    private final TaskJournal journal;
    private final OrganisationRepository organisations;
    private final AllianceConfig config;
    private final Clock clock;

    Assignments(TaskRepository tasks, RoutingService routing, TaskJournal journal,
            OrganisationRepository organisations, AllianceConfig config, Clock clock) {
        this.tasks = tasks;
        this.routing = routing;
        this.journal = journal;
        this.organisations = organisations;
        this.config = config;
        this.clock = clock;
    }

    /** One task per chosen party; a request seen before gets nothing more. */
    public Uni<Void> requestSubmitted(InboundEvent<RequestSubmitted> event) {
        RequestSubmitted r = event.data();
        if (!r.hasTrack(RequestSubmitted.TRACK_ALLIANCE)) {
            return Uni.createFrom().voidItem();
        }
        return route(r.communityId(), r.requestId(), r.category(), r.building(), r.respondBy(), r.resolveBy());
    }

    /**
     * Opens the alliance's case of a request and gives one task to each party the rules choose; a request that has a
     * case already gets nothing more.
     */
    private Uni<Void> route(String communityId, String requestId, String category, String building,
            Instant respondBy, Instant resolveBy) {
        Instant now = clock.instant();
        AllianceCase c = new AllianceCase();
        c.requestId = requestId;
        c.communityId = communityId;
        c.category = category;
        c.building = building;
        c.openedAt = now;
        c.respondBy = respondBy != null ? respondBy : now.plus(config.acknowledgeWithin());
        c.resolveBy = resolveBy != null ? resolveBy : now.plus(config.completeWithin());
        c.round = 1;
        c.status = AllianceCase.OPEN;
        return tasks.openCase(c).chain(opened -> {
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
        return tasks.findCase(v.requestId()).chain(existing -> {
            if (existing != null) {
                return tasks.ofRequest(v.requestId()).chain(list -> {
                    boolean officeOn = list.stream().anyMatch(t -> t.round == existing.round
                            && t.organisationId.equals(config.officeId()) && t.status != TaskStatus.CANCELLED
                            && t.status != TaskStatus.DECLINED);
                    if (officeOn || !AllianceCase.OPEN.equals(existing.status)) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = clock.instant();
                    Instant[] deadlines = deadlinesForNewcomer(existing, now);
                    return assign(existing, config.officeId(), Task.SUPPORT, now, deadlines[0], deadlines[1],
                            "no volunteer took it: " + v.reason()).replaceWithVoid();
                });
            }
            Instant now = clock.instant();
            AllianceCase c = new AllianceCase();
            c.requestId = v.requestId();
            c.communityId = v.communityId();
            c.category = v.category();
            c.building = v.building();
            c.openedAt = now;
            c.respondBy = now.plus(config.acknowledgeWithin());
            c.resolveBy = now.plus(config.completeWithin());
            c.round = 1;
            c.status = AllianceCase.OPEN;
            return c.persist().chain(() -> assign(c, config.officeId(), Task.LEAD, now, c.respondBy, c.resolveBy,
                    "no volunteer took it" + (v.reason() == null ? "" : ": " + v.reason()))).replaceWithVoid();
        });
    }

    /**
     * A volunteer found the job needs a professional: the member of the type named that covers the building and
     * handles the category (else any member of that type, else the community office) gets a LEAD task, with the
     * category's time limits. A request the alliance already works on gets the party added to its round (unless it
     * is on it already); a resolved one gets a new round; a cancelled one nothing.
     */
    public Uni<Void> volunteerHandedOver(InboundEvent<VolunteerHandedOver> event) {
        VolunteerHandedOver v = event.data();
        String note = "handed over by a volunteer" + (v.reason() == null || v.reason().isBlank() ? ""
                : ": " + v.reason().strip());
        return tasks.findCase(v.requestId()).chain(existing -> {
            if (existing != null && AllianceCase.CANCELLED.equals(existing.status)) {
                LOG.infof("request %s was cancelled with the alliance; hand-over to %s ignored", v.requestId(),
                        v.handOverTo());
                return Uni.createFrom().voidItem();
            }
            String category = existing != null ? existing.category : v.category() == null ? "unknown" : v.category();
            String building = existing != null && existing.building != null ? existing.building : v.building();
            return handOverParty(v.communityId(), v.handOverTo(), category, building).chain(party -> {
                Instant now = clock.instant();
                Instant respondBy = now.plus(config.respondWithin(category));
                Instant resolveBy = now.plus(config.resolveWithin(category));
                if (existing == null) {
                    AllianceCase c = new AllianceCase();
                    c.requestId = v.requestId();
                    c.communityId = v.communityId();
                    c.category = category;
                    c.building = building;
                    c.openedAt = now;
                    c.respondBy = respondBy;
                    c.resolveBy = resolveBy;
                    c.round = 1;
                    c.status = AllianceCase.OPEN;
                    return c.persist().chain(() -> assign(c, party, Task.LEAD, now, respondBy, resolveBy, note))
                            .replaceWithVoid();
                }
                if (AllianceCase.RESOLVED.equals(existing.status)) {
                    existing.round = existing.round + 1;
                    existing.status = AllianceCase.OPEN;
                    existing.resolvedAt = null;
                    existing.openedAt = now;
                    existing.respondBy = respondBy;
                    existing.resolveBy = resolveBy;
                    return assign(existing, party, Task.LEAD, now, respondBy, resolveBy, note).replaceWithVoid();
                }
                return tasks.ofRequest(existing.requestId).chain(list -> {
                    boolean on = list.stream().anyMatch(t -> t.round == existing.round
                            && t.organisationId.equals(party) && (t.status.isOpen() || Task.LEAD.equals(t.role)));
                    if (on) {
                        LOG.infof("%s is already on request %s; hand-over adds nothing", party, v.requestId());
                        return Uni.createFrom().voidItem();
                    }
                    return assign(existing, party, Task.LEAD, now, respondBy, resolveBy, note).replaceWithVoid();
                });
            });
        });
    }

    /** The member a hand-over goes to: type, building and category; then type alone; then the office. */
    private Uni<String> handOverParty(String communityId, String handOverTo, String category, String building) {
        OrganisationType type;
        try {
            type = OrganisationType.valueOf(handOverTo == null ? "" : handOverTo.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            LOG.warnf("hand-over to unknown organisation type '%s' goes to the office", handOverTo);
            return Uni.createFrom().item(config.officeId());
        }
        return organisations.list(communityId).map(all -> {
            List<Organisation> ofType = all.stream().filter(o -> o.type == type).toList();
            Comparator<Organisation> specificFirst = Comparator
                    .comparing((Organisation o) -> o.buildings.isEmpty())
                    .thenComparing(o -> o.categories.isEmpty())
                    .thenComparing(o -> o.id);
            return ofType.stream().filter(o -> covers(o, building) && handles(o, category)).min(specificFirst)
                    .or(() -> ofType.stream().min(Comparator.comparing((Organisation o) -> !covers(o, building))
                            .thenComparing(o -> !handles(o, category)).thenComparing(o -> o.id)))
                    .map(o -> o.id).orElse(config.officeId());
        });
    }

    private static boolean covers(Organisation o, String building) {
        return building == null || o.buildings.isEmpty() || o.buildings.contains(building);
    }

    private static boolean handles(Organisation o, String category) {
        return o.categories.isEmpty() || o.categories.contains(category);
    }

    /** A reopened request goes back to the party that led the last round, in a new round with fresh deadlines. */
    public Uni<Void> requestReopened(InboundEvent<RequestReopened> event) {
        RequestReopened r = event.data();
        return tasks.findCase(r.requestId()).chain(c -> {
            if (c == null) {
                if (r.tracks() == null || !r.tracks().contains(RequestSubmitted.TRACK_ALLIANCE)) {
                    return Uni.createFrom().voidItem();
                }
                return route(r.communityId(), r.requestId(), r.category(), r.building(), null, null);
            }
            Instant now = clock.instant();
            Duration respond = window(c.openedAt, c.respondBy, config.acknowledgeWithin());
            Duration resolve = window(c.openedAt, c.resolveBy, config.completeWithin());
            return tasks.ofRequest(c.requestId).chain(previous -> {
                String lead = previous.stream()
                        .filter(t -> Task.LEAD.equals(t.role) && t.round == c.round)
                        .filter(t -> t.status != TaskStatus.DECLINED && t.status != TaskStatus.CANCELLED)
                        .map(t -> t.organisationId).reduce((a, b) -> b).orElse(null);
                c.round = c.round + 1;
                c.status = AllianceCase.OPEN;
                c.resolvedAt = null;
                c.openedAt = now;
                c.respondBy = now.plus(respond);
                c.resolveBy = now.plus(resolve);
                Uni<String> leader = lead != null ? Uni.createFrom().item(lead)
                        : routing.route(c.communityId, c.category, c.building).map(Route::lead);
                return leader.chain(party -> assign(c, party, Task.LEAD, now, c.respondBy, c.resolveBy,
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
        if ("MERGED".equals(r.from()) && !ENDED.contains(r.to())) {
            return tasks.findCase(r.requestId()).chain(c -> c == null || !AllianceCase.CANCELLED.equals(c.status)
                    ? Uni.createFrom().voidItem()
                    : routeAgain(c, "no longer merged"));
        }
        if (!ENDED.contains(r.to())) {
            return Uni.createFrom().voidItem();
        }
        return tasks.findCase(r.requestId()).chain(c -> c == null ? Uni.createFrom().voidItem()
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
            if (AllianceCase.OPEN.equals(c.status)) {
                c.status = AllianceCase.CANCELLED;
            }
        });
    }

    /**
     * A cancelled case taken up again (a merge undone, the alliance track added back): a new round routed by the rules,
     * with the request's deadlines, or fresh ones of the same length if those have passed.
     */
    private Uni<Void> routeAgain(AllianceCase c, String why) {
        Instant now = clock.instant();
        Duration respond = window(c.openedAt, c.respondBy, config.acknowledgeWithin());
        Duration resolve = window(c.openedAt, c.resolveBy, config.completeWithin());
        c.round = c.round + 1;
        c.status = AllianceCase.OPEN;
        c.resolvedAt = null;
        if (c.respondBy == null || !c.respondBy.isAfter(now)) {
            c.respondBy = now.plus(respond);
        }
        if (c.resolveBy == null || !c.resolveBy.isAfter(now)) {
            c.resolveBy = now.plus(resolve);
        }
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
        return tasks.findCase(r.requestId()).chain(c -> {
            if (!r.hasTrack(RequestSubmitted.TRACK_ALLIANCE)) {
                return c == null ? Uni.createFrom().voidItem()
                        : cancel(c, "re-triaged: the alliance is no longer needed");
            }
            if (c == null) {
                return route(r.communityId(), r.requestId(), r.category(), r.building(), r.respondBy(),
                        r.resolveBy());
            }
            c.category = r.category();
            c.respondBy = r.respondBy();
            c.resolveBy = r.resolveBy();
            if (AllianceCase.CANCELLED.equals(c.status)) {
                return routeAgain(c, "the alliance track was added again");
            }
            if (AllianceCase.RESOLVED.equals(c.status)) {
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
                    java.util.Map<String, String> wanted = new java.util.LinkedHashMap<>();
                    wanted.put(lead, Task.LEAD);
                    route.supporting().stream().filter(p -> !declined.contains(p) && !p.equals(lead))
                            .forEach(p -> wanted.put(p, Task.SUPPORT));
                    List<Task> kept = current.stream().filter(t -> t.status.isOpen()
                            || t.status == TaskStatus.COMPLETED)
                            .filter(t -> t.role.equals(wanted.get(t.organisationId))).toList();
                    List<Task> dropped = current.stream().filter(t -> t.status.isOpen() && !kept.contains(t))
                            .toList();
                    Set<String> keptParties = kept.stream().map(t -> t.organisationId).collect(Collectors.toSet());
                    List<Task> added = new ArrayList<>();
                    wanted.forEach((party, role) -> {
                        if (!keptParties.contains(party)) {
                            added.add(newTask(c, party, named.name(party), role, now, c.respondBy, c.resolveBy));
                        }
                    });
                    Uni<Void> moved = InOrder.each(kept.stream().filter(t -> t.status.isOpen()).toList(),
                            t -> follow(t, c, note, now));
                    if (dropped.isEmpty() && added.isEmpty()) {
                        return moved;
                    }
                    c.round = c.round + 1;
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
            String role = party.equals(route.lead()) ? Task.LEAD : Task.SUPPORT;
            assigned.add(newTask(c, party, named.name(party), role, now, c.respondBy, c.resolveBy));
        }
        return Panache.getSession().chain(session -> session.persistAll(assigned.toArray()))
                .chain(() -> journal.assigned(assigned))
                .replaceWith(assigned);
    }

    /** A new task for one party in the case's current round. */
    public Uni<Task> assign(AllianceCase c, String party, String role, Instant now, Instant acknowledgeBy,
            Instant completeBy, String note) {
        return routing.names(List.of(party)).chain(names -> create(c, party, names.get(party), role, now,
                acknowledgeBy, completeBy).invoke(t -> t.note = note));
    }

    /** Deadlines for a party joining the current round now: a fresh acknowledge window, the round's completion. */
    public Instant[] deadlinesForNewcomer(AllianceCase c, Instant now) {
        Instant acknowledgeBy = now.plus(window(c.openedAt, c.respondBy, config.acknowledgeWithin()));
        Instant completeBy = c.resolveBy == null || c.resolveBy.isBefore(acknowledgeBy) ? acknowledgeBy
                .plus(config.completeWithin()) : c.resolveBy;
        return new Instant[] {acknowledgeBy, completeBy};
    }

    /** The next party in line for a declined task of this round, if any is left. */
    public Uni<java.util.Optional<String>> nextInLine(AllianceCase c) {
        return tasks.ofRequest(c.requestId).chain(list -> {
            Set<String> taken = list.stream().filter(t -> t.round == c.round).map(t -> t.organisationId)
                    .collect(Collectors.toSet());
            return routing.route(c.communityId, c.category, c.building).map(route -> route.next(taken));
        });
    }

    private Uni<Task> create(AllianceCase c, String party, String name, String role, Instant now,
            Instant acknowledgeBy, Instant completeBy) {
        Task t = newTask(c, party, name, role, now, acknowledgeBy, completeBy);
        return t.<Task>persist().chain(() -> journal.assigned(t)).replaceWith(t);
    }

    private static Task newTask(AllianceCase c, String party, String name, String role, Instant now,
            Instant acknowledgeBy, Instant completeBy) {
        Task t = new Task();
        t.id = java.util.UUID.randomUUID();
        t.communityId = c.communityId;
        t.requestId = c.requestId;
        t.organisationId = party;
        t.organisationName = name;
        t.role = role;
        t.round = c.round;
        t.status = TaskStatus.ASSIGNED;
        t.category = c.category;
        t.building = c.building;
        t.acknowledgeBy = acknowledgeBy;
        t.completeBy = completeBy;
        t.assignedAt = now;
        t.updatedAt = now;
        return t;
    }

    private static Duration window(Instant from, Instant to, Duration fallback) {
        if (from == null || to == null || !to.isAfter(from)) {
            return fallback;
        }
        return Duration.between(from, to);
    }
}
