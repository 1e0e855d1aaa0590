package org.gongzhi.request.request;

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
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.request.category.Category;
import org.gongzhi.request.category.CategoryCatalogue;
import org.gongzhi.request.category.Urgency;

/** Workers' and residents' commands on a request; every change is an event and a timeline entry. */
@ApplicationScoped
public class LifecycleService {
    private final RequestService reading;
    private final RequestRepository requests;
    private final CategoryCatalogue catalogue;
    private final StatusChanges changes;
    private final Outbox outbox;
    private final Clock clock;

    LifecycleService(RequestService reading, RequestRepository requests, CategoryCatalogue catalogue,
            StatusChanges changes, Outbox outbox, Clock clock) {
        this.reading = reading;
        this.requests = requests;
        this.catalogue = catalogue;
        this.changes = changes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A worker's first response: the "response" of the response rate. */
    @WithTransaction
    public Uni<RequestView> acknowledge(Viewer viewer, UUID id, @Valid Note note) {
        return reading.visible(viewer, id).chain(r -> {
            Instant now = clock.instant();
            if (r.respondedAt == null) {
                r.respondedAt = now;
            }
            return move(r, RequestStatus.ACKNOWLEDGED, now, viewer, note == null ? "acknowledged" : note.text());
        }).chain(r -> reading.find(viewer, id));
    }

    /** A resident withdraws their own open request; a worker may do it for them. */
    @WithTransaction
    public Uni<RequestView> withdraw(Viewer viewer, UUID id, @Valid Note reason) {
        return reading.visible(viewer, id)
                .chain(r -> move(r, RequestStatus.WITHDRAWN, clock.instant(), viewer,
                        reason == null ? "withdrawn" : reason.text()))
                .chain(r -> reading.find(viewer, id));
    }

    @WithTransaction
    public Uni<RequestView> reject(Viewer viewer, UUID id, @Valid @NotNull Note reason) {
        return reading.visible(viewer, id)
                .chain(r -> move(r, RequestStatus.REJECTED, clock.instant(), viewer, reason.text()))
                .chain(r -> reading.find(viewer, id));
    }

    /** Re-categorise, change urgency, add tracks. New tracks are announced so they take the request. */
    @WithTransaction
    public Uni<RequestView> triage(Viewer viewer, UUID id, @Valid @NotNull Triage triage) {
        return reading.visible(viewer, id).chain(r -> {
            if (!r.status.isOpen()) {
                throw ProblemException.conflict("a request that is " + r.status + " cannot be triaged");
            }
            Category category = triage.category() == null ? catalogue.find(r.category).orElseThrow()
                    : catalogue.find(triage.category()).orElseThrow(() -> ProblemException.invalid("category",
                            "unknown category '" + triage.category() + "'"));
            Urgency urgency = triage.urgency() == null ? Urgency.valueOf(r.urgency) : Urgency.valueOf(triage.urgency());
            List<String> tracks = new ArrayList<>(r.trackList());
            List<String> added = new ArrayList<>();
            for (String track : triage.addTracks() == null ? List.<String>of() : triage.addTracks()) {
                if (!tracks.contains(track)) {
                    tracks.add(track);
                    added.add(track);
                }
            }
            Instant now = clock.instant();
            r.category = category.code();
            r.urgency = urgency.name();
            r.tracks = String.join(",", tracks);
            r.resolveBy = r.createdAt.plus(catalogue.resolveWithin(category, urgency));
            r.respondBy = r.createdAt.plus(catalogue.respondWithin(category, urgency));
            r.updatedAt = now;
            String text = "Triaged: " + category.nameZh() + " / " + category.nameEn() + ", urgency " + urgency
                    + (added.isEmpty() ? "" : ", tracks added " + added);
            Uni<Void> done = requests.addToTimeline(TimelineEntry.of(r.id, now, "TRIAGE", text,
                    TimelineEntry.Visibility.PUBLIC, viewer.id(), null));
            if (!added.isEmpty()) {
                done = done.chain(() -> outbox.add(new RequestSubmitted(r.communityId, r.id.toString(), r.category,
                        r.building, r.unit, r.place, r.urgency, added, r.description, r.channel, r.respondBy,
                        r.resolveBy, now, r.residentId)).replaceWithVoid());
            }
            return done;
        }).chain(() -> reading.find(viewer, id));
    }

    /** The duplicate is closed into its master; its resident follows the master's timeline. */
    @WithTransaction
    public Uni<RequestView> merge(Viewer viewer, UUID duplicateId, @Valid @NotNull Merge merge) {
        if (duplicateId.equals(merge.into())) {
            throw ProblemException.invalid("into", "a request cannot be merged into itself");
        }
        return reading.visible(viewer, merge.into()).chain(master -> reading.visible(viewer, duplicateId)
                        .chain(duplicate -> {
                            if (!master.status.isOpen()) {
                                throw ProblemException.conflict("the master request is " + master.status);
                            }
                            duplicate.mergedInto = master.id;
                            Instant now = clock.instant();
                            return requests.addToTimeline(TimelineEntry.of(master.id, now, "MERGED",
                                            "A duplicate report was merged into this request",
                                            TimelineEntry.Visibility.PUBLIC, viewer.id(), null))
                                    .chain(() -> move(duplicate, RequestStatus.CLOSED, now, viewer,
                                            "duplicate of " + master.id));
                        }))
                .chain(r -> reading.find(viewer, duplicateId));
    }

    /** An internal note for workers and the parties on the request. */
    @WithTransaction
    public Uni<RequestView> note(Viewer viewer, UUID id, @Valid @NotNull Note note) {
        return reading.visible(viewer, id)
                .chain(r -> requests.addToTimeline(TimelineEntry.of(r.id, clock.instant(), "NOTE", note.text(),
                        TimelineEntry.Visibility.INTERNAL, viewer.id(), null)))
                .chain(() -> reading.find(viewer, id));
    }

    private Uni<ResidentRequest> move(ResidentRequest r, RequestStatus next, Instant at, Viewer viewer,
            String reason) {
        return changes.move(r, next, at, viewer.id(), reason);
    }
}
