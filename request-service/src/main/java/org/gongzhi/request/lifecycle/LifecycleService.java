package org.gongzhi.request.lifecycle;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.events.RequestAcknowledged;
import org.gongzhi.events.RequestRecategorised;
import org.gongzhi.events.TimeLimits;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.request.category.Category;
import org.gongzhi.request.category.CategoryCatalogue;
import org.gongzhi.request.category.Urgency;
import org.gongzhi.request.estate.EstateRepository;

/**
 * Workers' and residents' commands on a request; every change is one event and one timeline entry. Triage works at
 * every open state: a request is routed milliseconds after intake, and a worker still has to act on it.
 */
@ApplicationScoped
public class LifecycleService {
    /** A merge can be undone on the day it was made, the estate's day. */
    private static final ZoneId ESTATE = ZoneId.of("Asia/Shanghai");
    /** The tracks that do the work; DELIBERATION only marks a request for the hall. */
    private static final Set<String> WORKING = Set.of(RequestSubmitted.TRACK_ALLIANCE,
            RequestSubmitted.TRACK_VOLUNTEERS);

    private final RequestService reading;
    private final RequestRepository requests;
    private final CategoryCatalogue catalogue;
    private final StatusChanges changes;
    private final Outbox outbox;
    private final Clock clock;
    private final EstateRepository estate;

    LifecycleService(RequestService reading, RequestRepository requests, CategoryCatalogue catalogue,
            StatusChanges changes, Outbox outbox, Clock clock, EstateRepository estate) {
        this.estate = estate;
        this.reading = reading;
        this.requests = requests;
        this.catalogue = catalogue;
        this.changes = changes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A worker's first response (the "response" of the response rate), at any open state before the first response.
     * A request still SUBMITTED becomes ACKNOWLEDGED; one already routed keeps its status, and the response is
     * recorded with {@code request.acknowledged}.
     */
    @WithTransaction
    public Uni<RequestView> acknowledge(Caller caller, UUID id, @Valid Note note) {
        return reading.visible(caller, id).chain(r -> {
            if (!r.status.isOpen()) {
                throw ProblemException.conflict("a request that is " + r.status + " cannot become ACKNOWLEDGED");
            }
            if (r.respondedAt != null) {
                throw ProblemException.conflict("the request was already responded to, at "
                        + PublicTime.of(r.respondedAt));
            }
            Instant now = clock.instant();
            r.respondedAt = now;
            String text = note == null ? "acknowledged" : note.text();
            if (r.status == RequestStatus.SUBMITTED) {
                return move(r, RequestStatus.ACKNOWLEDGED, now, caller, text).replaceWithVoid();
            }
            r.updatedAt = now;
            return requests.addToTimeline(TimelineEntry.of(r.id, now, "ACKNOWLEDGED", "Acknowledged by the "
                                    + "community — " + text, TimelineEntry.Visibility.PUBLIC, caller.id(), null)
                            .with("note", note == null ? null : note.text()))
                    .chain(() -> outbox.add(new RequestAcknowledged(r.communityId, r.id.toString(), r.category,
                            r.building, r.status.published().wire(), now)))
                    .replaceWithVoid();
        }).chain(() -> reading.find(caller, id));
    }

    /** A resident withdraws their own open request; a worker may do it for them. */
    @WithTransaction
    public Uni<RequestView> withdraw(Caller caller, UUID id, @Valid Note reason) {
        return reading.visible(caller, id)
                .chain(r -> move(r, RequestStatus.WITHDRAWN, clock.instant(), caller,
                        reason == null ? "withdrawn" : reason.text()))
                .chain(r -> reading.find(caller, id));
    }

    /**
     * Refuses a request with a reason the resident is told, before work has started: SUBMITTED, ACKNOWLEDGED, in the
     * hall, or ASSIGNED while no party has confirmed or started its task and no volunteer has taken it on. Its tasks
     * and offers are cancelled by their services on the status change.
     */
    @WithTransaction
    public Uni<RequestView> reject(Caller caller, UUID id, @Valid @NotNull Note reason) {
        return reading.visible(caller, id)
                .chain(r -> {
                    if (r.status == RequestStatus.IN_PROGRESS || r.status == RequestStatus.REOPENED) {
                        throw ProblemException.conflict("work on the request has started (it is " + r.status
                                + "); it can no longer be rejected");
                    }
                    if (r.status != RequestStatus.ASSIGNED) {
                        return Uni.createFrom().item(r);
                    }
                    return requests.workStarted(r.id).map(started -> {
                        if (started != null) {
                            throw ProblemException.conflict("work on the request has started (" + started
                                    + "); it can no longer be rejected");
                        }
                        return r;
                    });
                })
                .chain(r -> move(r, RequestStatus.REJECTED, clock.instant(), caller, reason.text()))
                .chain(r -> reading.find(caller, id));
    }

    /**
     * Re-categorise, change urgency, add or remove tracks, at any open state: one {@code request.recategorised}
     * with the tracks and deadlines as they now are, which the tracks follow. The deadlines are those of the new
     * category and urgency from intake, never later than a 12345 ticket's official deadline.
     */
    @WithTransaction
    public Uni<RequestView> triage(Caller caller, UUID id, @Valid @NotNull Triage triage) {
        if (triage.category() == null && triage.urgency() == null && triage.adding().isEmpty()
                && triage.removing().isEmpty()) {
            throw ProblemException.invalid("category", "give a category, an urgency or tracks to add or remove");
        }
        for (String track : triage.removing()) {
            if (triage.adding().contains(track)) {
                throw ProblemException.invalid("removeTracks", "track " + track + " is also in addTracks");
            }
        }
        return reading.visible(caller, id).chain(r -> holdingNewCategory(r, triage)).chain(r -> {
            if (!r.status.isOpen()) {
                throw ProblemException.conflict("a request that is " + r.status + " cannot be triaged");
            }
            Category category = triage.category() == null ? catalogue.of(r.communityId, r.category).orElseThrow()
                    : catalogue.find(r.communityId, triage.category())
                            .orElseThrow(() -> RequestService.withdrawnOrUnknown(triage.category()));
            Urgency urgency = triage.urgency() == null ? Urgency.valueOf(r.urgency) : Urgency.valueOf(triage.urgency());
            Set<String> tracks = new LinkedHashSet<>(r.trackList());
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (String track : triage.adding()) {
                if (tracks.add(track)) {
                    added.add(track);
                }
            }
            for (String track : triage.removing()) {
                if (tracks.remove(track)) {
                    removed.add(track);
                }
            }
            if (tracks.stream().noneMatch(WORKING::contains)) {
                throw ProblemException.invalid("removeTracks", "a request needs the alliance or the volunteers to "
                        + "work on it");
            }
            String previousCategory = r.category;
            if (category.code().equals(r.category) && urgency.name().equals(r.urgency) && added.isEmpty()
                    && removed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            r.category = category.code();
            r.urgency = urgency.name();
            r.tracks = String.join(",", tracks);
            added.forEach(r::reopenTrack);
            removed.forEach(r::reopenTrack);
            r.respondBy = r.createdAt.plus(catalogue.respondWithin(category, urgency));
            r.resolveBy = r.resolveDeadline(catalogue.resolveWithin(category, urgency));
            r.updatedAt = now;
            String text = "Triaged: " + category.nameZh() + " / " + category.nameEn() + ", urgency " + urgency
                    + (added.isEmpty() ? "" : ", tracks added " + added)
                    + (removed.isEmpty() ? "" : ", tracks removed " + removed)
                    + "; resolve by " + PublicTime.of(r.resolveBy);
            return requests.addToTimeline(TimelineEntry.of(r.id, now, "TRIAGE", text,
                            TimelineEntry.Visibility.PUBLIC, caller.id(), null).with("category", r.category)
                            .with("urgency", urgency).with("resolveBy", r.resolveBy)
                            .with("tracksAdded", added.isEmpty() ? null : String.join(",", added))
                            .with("tracksRemoved", removed.isEmpty() ? null : String.join(",", removed)))
                    .chain(() -> outbox.add(new RequestRecategorised(r.communityId, r.id.toString(), r.category,
                            previousCategory, r.building, r.urgency, List.copyOf(tracks), added, removed,
                            r.respondBy, r.resolveBy, r.status.published().wire(), now,
                            TimeLimits.of(catalogue.respondWithin(category, urgency),
                                    catalogue.resolveWithin(category, urgency)))))
                    .replaceWithVoid();
        }).chain(() -> reading.find(caller, id));
    }

    /**
     * Into another category, the request holds it as intake does, to the end of the transaction: a withdrawal of it
     * under way and this triage take turns (400 when the withdrawal committed first, 409 for the withdrawal after).
     */
    private Uni<ResidentRequest> holdingNewCategory(ResidentRequest r, Triage triage) {
        if (triage.category() == null || triage.category().equals(r.category)) {
            return Uni.createFrom().item(r);
        }
        return estate.holdForFiling(r.communityId, triage.category(), null).map(withdrawn -> {
            if (withdrawn) {
                throw RequestService.withdrawnOrUnknown(triage.category());
            }
            return r;
        });
    }

    /**
     * The duplicate ends as MERGED into its master, from any open state: its tasks and offers are cancelled by their
     * services, and its resident hears of the master's progress from then on. The master's timeline lists it.
     */
    @WithTransaction
    public Uni<RequestView> merge(Caller caller, UUID duplicateId, @Valid @NotNull Merge merge) {
        if (duplicateId.equals(merge.into())) {
            throw ProblemException.invalid("into", "a request cannot be merged into itself");
        }
        return reading.visible(caller, merge.into())
                .onFailure(ProblemException.class).transform(e -> ProblemException.invalid("into",
                        "no request " + merge.into() + " to merge into"))
                .chain(master -> reading.visible(caller, duplicateId).chain(duplicate -> {
                    if (!master.status.isOpen()) {
                        throw ProblemException.conflict("the master request is " + master.status
                                + "; merge into an open one");
                    }
                    Instant now = clock.instant();
                    return changes.merge(duplicate, master, now, caller.id())
                            .chain(() -> requests.repointMerged(duplicate.id, master.id))
                            .chain(() -> requests.addToTimeline(TimelineEntry.of(master.id, now, "MERGED",
                                    "A duplicate report was merged into this request ("
                                            + describe(duplicate) + ")", TimelineEntry.Visibility.PUBLIC,
                                    caller.id(), null).with("category", duplicate.category)
                                    .with("building", duplicate.building).with("place", duplicate.place)
                                    .with("filedAt", duplicate.createdAt)));
                }))
                .chain(() -> reading.find(caller, duplicateId));
    }

    /** Undoes a merge on the day it was made: the duplicate returns to the status it had and its tracks take it. */
    @WithTransaction
    public Uni<RequestView> unmerge(Caller caller, UUID duplicateId) {
        return reading.visible(caller, duplicateId).chain(duplicate -> {
            if (duplicate.status != RequestStatus.MERGED) {
                throw ProblemException.conflict("the request is " + duplicate.status + ", not merged");
            }
            Instant now = clock.instant();
            if (!now.atZone(ESTATE).toLocalDate().equals(duplicate.mergedAt.atZone(ESTATE).toLocalDate())) {
                throw ProblemException.conflict("the request was merged on " + PublicTime.of(duplicate.mergedAt)
                        + "; a merge can be undone only on the day it was made");
            }
            UUID master = duplicate.mergedInto;
            return changes.unmerge(duplicate, now, caller.id())
                    .chain(() -> requests.addToTimeline(TimelineEntry.of(master, now, "UNMERGED",
                            "A report merged by mistake was separated again (" + describe(duplicate) + ")",
                            TimelineEntry.Visibility.PUBLIC, caller.id(), null).with("category", duplicate.category)
                            .with("building", duplicate.building).with("place", duplicate.place)
                            .with("filedAt", duplicate.createdAt)));
        }).chain(() -> reading.find(caller, duplicateId));
    }

    private String describe(ResidentRequest r) {
        String name = catalogue.find(r.category).map(c -> c.nameZh() + " / " + c.nameEn()).orElse(r.category);
        return name + (r.building == null ? ", " + (r.place == null ? "the whole estate" : r.place)
                : ", building " + r.building
                + (r.unit == null ? "" : " unit " + r.unit)) + ", filed " + PublicTime.of(r.createdAt);
    }

    /** An internal note for workers and the parties on the request. */
    @WithTransaction
    public Uni<RequestView> note(Caller caller, UUID id, @Valid @NotNull Note note) {
        return reading.visible(caller, id)
                .chain(r -> requests.addToTimeline(TimelineEntry.of(r.id, clock.instant(), "NOTE", note.text(),
                        TimelineEntry.Visibility.INTERNAL, caller.id(), null)))
                .chain(() -> reading.find(caller, id));
    }

    private Uni<ResidentRequest> move(ResidentRequest r, RequestStatus next, Instant at, Caller caller,
            String reason) {
        return changes.move(r, next, at, caller.id(), reason);
    }
}
