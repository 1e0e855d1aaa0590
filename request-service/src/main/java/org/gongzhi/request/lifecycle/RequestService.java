package org.gongzhi.request.lifecycle;

import org.gongzhi.platform.api.IdempotencyKey;
import org.gongzhi.platform.api.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TimeLimits;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.request.category.Category;
import org.gongzhi.request.category.CategoryCatalogue;
import org.gongzhi.request.category.Urgency;
import org.gongzhi.request.estate.EstateRepository;
import org.hibernate.exception.ConstraintViolationException;

/** Intake and reading of requests. */
@ApplicationScoped
public class RequestService {
    private final RequestRepository requests;
    private final EstateRepository estate;
    private final CategoryCatalogue catalogue;
    private final Outbox outbox;
    private final Clock clock;

    RequestService(RequestRepository requests, EstateRepository estate, CategoryCatalogue catalogue, Outbox outbox,
            Clock clock) {
        this.requests = requests;
        this.estate = estate;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The result of a submission; {@code replayed} when an Idempotency-Key matched an earlier one. */
    public record Submission(RequestView request, boolean replayed) {
    }

    public Uni<Submission> submit(Caller caller, @Valid @NotNull NewRequest input, String idempotencyKey) {
        IdempotencyKey.check(idempotencyKey);
        String fingerprint = idempotencyKey == null ? null : IdempotencyKey.fingerprint(input.withoutReceivedAt());
        // no look-up of the key first: the unique index on (created_by, idempotency_key) refuses a repeated one
        return Panache.withTransaction(() -> Uni.createFrom()
                        .deferred(() -> intake(caller, input, idempotencyKey, fingerprint, true, true))
                        .chain(opened -> requests.possibleDuplicates(opened.request(), !caller.staff())
                                .map(duplicates -> new Submission(opened.view(clock.instant())
                                        .withPossibleDuplicates(duplicates), false))))
                .onFailure(failure -> failure instanceof ConstraintViolationException
                        || failure instanceof ProblemException)
                .recoverWithUni(refused -> replayedOr(caller, idempotencyKey, fingerprint, refused));
    }

    /**
     * A submission the database or the intake refused: when it repeats an earlier Idempotency-Key with the same body,
     * the first request comes back as a replay; with a different body it is refused (422); otherwise the refusal
     * stands.
     */
    private Uni<Submission> replayedOr(Caller caller, String idempotencyKey, String fingerprint, Throwable refused) {
        if (idempotencyKey == null) {
            return Uni.createFrom().failure(refused);
        }
        return Panache.withSession(() -> requests.byIdempotencyKey(caller.community(), caller.id(), idempotencyKey)
                .chain(r -> {
                    if (r == null) {
                        return Uni.createFrom().failure(refused);
                    }
                    IdempotencyKey.requireSameBody(r.idempotencyFingerprint, fingerprint);
                    return view(r, caller).map(v -> new Submission(v, true));
                }));
    }

    /**
     * Stores a new request the system opens itself (a patrol's problem, a decision's action item) with its first
     * timeline entry and its event, in the caller's transaction; with neither a building nor a place it is the whole
     * estate's.
     */
    public Uni<ResidentRequest> open(Caller caller, @Valid NewRequest input, String idempotencyKey) {
        return intake(caller, input, idempotencyKey, null, true, false).map(Opened::request);
    }

    /**
     * Stores a request whose work was done before Gongzhi (history import), in the caller's transaction: received at
     * {@code input.receivedAt()}, and its {@code request.submitted} names no tracks, so no party or volunteer is given
     * work on it.
     */
    public Uni<ResidentRequest> openPast(Caller caller, @Valid NewRequest input) {
        return intake(caller, input, null, null, false, true).map(Opened::request);
    }

    /** A request just stored, with its first timeline entry: all its view needs, without reading it back. */
    private record Opened(ResidentRequest request, TimelineEntry received) {
        RequestView view(Instant now) {
            // the timeline entry as stored: PostgreSQL keeps microseconds
            TimelineEntry stored = TimelineEntry.of(received.requestId, received.at.truncatedTo(ChronoUnit.MICROS),
                    received.kind, received.text, received.visibility, received.actor, received.eventId);
            stored.params = received.params;
            return RequestView.of(request, List.of(), List.of(stored), List.of(), now);
        }
    }

    /** {@code located}: the request must name a building or a place; else with neither it is the whole estate's. */
    private Uni<Opened> intake(Caller caller, NewRequest input, String idempotencyKey, String fingerprint,
            boolean startTracks, boolean located) {
        Category category = catalogue.find(caller.community(), input.category())
                .orElseThrow(() -> withdrawnOrUnknown(input.category()));
        if (located && input.building() == null && input.place() == null) {
            throw ProblemException.invalid("building", "give a building (with unit and household) or a place");
        }
        if (input.unit() != null && input.building() == null) {
            throw ProblemException.invalid("unit", "a unit needs its building");
        }
        if ("hotline-12345".equals(input.channel()) && input.hotlineTicket() == null) {
            throw ProblemException.invalid("hotlineTicket", "a hotline request needs the hotline's ticket number");
        }
        Instant now = clock.instant();
        if (input.hotlineDeadline() != null && !input.hotlineDeadline().isAfter(now)) {
            throw ProblemException.invalid("hotlineDeadline", "is in the past");
        }
        // as PostgreSQL keeps it (microseconds), so the 201's times are those every later read gives
        Instant received = received(caller, input, now).truncatedTo(ChronoUnit.MICROS);
        // to the end of the transaction: a withdrawal of the category or a removal of the building waits for this
        // request, or this for it (then finds the category withdrawn, or the building gone)
        return estate.holdForFiling(caller.community(), category.code(), input.building()).chain(withdrawn -> {
            if (withdrawn) {
                throw withdrawnOrUnknown(input.category());
            }
            return checkLocation(caller.community(), input);
        }).chain(() -> {
            Urgency urgency = input.urgency() == null ? category.defaultUrgency() : Urgency.valueOf(input.urgency());
            ResidentRequest r = new ResidentRequest();
            r.id = UUID.randomUUID();
            r.communityId = caller.community();
            r.category = category.code();
            r.description = input.description().strip();
            r.building = input.building();
            r.unit = input.unit();
            r.household = input.household();
            r.place = input.place();
            r.urgency = urgency.name();
            r.channel = input.channel() == null ? "app" : input.channel();
            r.hotlineTicket = input.hotlineTicket();
            r.tracks = String.join(",", category.tracks());
            r.residentId = caller.staff() ? input.residentId() : caller.id();
            r.contactPhone = input.contactPhone();
            r.status = RequestStatus.SUBMITTED;
            r.respondBy = received.plus(catalogue.respondWithin(category, urgency));
            r.hotlineDeadline = input.hotlineDeadline();
            r.createdBy = caller.id();
            r.createdAt = received;
            r.resolveBy = r.resolveDeadline(catalogue.resolveWithin(category, urgency));
            r.updatedAt = received;
            r.idempotencyKey = idempotencyKey;
            r.idempotencyFingerprint = fingerprint;
            r.descriptionPublic = input.descriptionIsPublic();
            r.keepPhotos(input.photos());
            TimelineEntry entry = TimelineEntry.of(r.id, received, "SUBMITTED",
                    "Request received: " + category.nameZh() + " / " + category.nameEn()
                            + (r.building != null ? " in building " + r.building
                                    : r.place != null ? " at " + r.place : " for the whole estate"),
                    TimelineEntry.Visibility.PUBLIC, caller.id(), null)
                    .with("category", r.category).with("building", r.building).with("place", r.place);
            return requests.persist(r)
                    .chain(() -> requests.addToTimeline(entry))
                    .chain(() -> outbox.add(new RequestSubmitted(r.communityId, r.id.toString(), r.category,
                            r.building, r.unit, r.place, r.urgency, startTracks ? r.trackList() : List.of(),
                            r.description, r.channel, r.respondBy, r.resolveBy, r.createdAt, r.residentId,
                            r.photoList(), TimeLimits.of(catalogue.respondWithin(category, urgency),
                                    catalogue.resolveWithin(category, urgency)))))
                    .replaceWith(new Opened(r, entry));
        });
    }

    /**
     * When the community received the request: now, or earlier when a worker says so (a call taken on the rounds, a
     * 12345 ticket received yesterday); its deadlines and the dashboard's clocks run from this time.
     */
    private static Instant received(Caller caller, NewRequest input, Instant now) {
        if (input.receivedAt() == null) {
            return now;
        }
        if (!caller.staff()) {
            throw ProblemException.invalid("receivedAt", "only a worker records when a request was received");
        }
        if (input.receivedAt().isAfter(now)) {
            throw ProblemException.invalid("receivedAt", "is in the future");
        }
        return input.receivedAt();
    }

    private Uni<Void> checkLocation(String community, NewRequest input) {
        Uni<Void> place = input.place() == null ? Uni.createFrom().voidItem()
                : estate.place(community, input.place()).invoke(found -> {
                    if (found == null) {
                        throw ProblemException.invalid("place", "unknown place '" + input.place()
                                + "'; see GET /api/estate/places");
                    }
                }).replaceWithVoid();
        return input.building() == null ? place : place.chain(() -> buildingHas(community, input));
    }

    public static ProblemException withdrawnOrUnknown(String category) {
        return ProblemException.invalid("category", "unknown category '" + category
                + "', or one the community has withdrawn; see GET /api/categories");
    }

    private Uni<Void> buildingHas(String community, NewRequest input) {
        if (input.unit() == null) {
            return estate.building(community, input.building()).invoke(building -> {
                if (building == null) {
                    throw notInEstate(input);
                }
            }).replaceWithVoid();
        }
        // a unit's households belong to their building: finding the unit proves the building too
        return estate.unitExists(community, input.building(), input.unit()).chain(exists -> exists
                ? Uni.createFrom().voidItem()
                : estate.building(community, input.building()).chain(building -> Uni.createFrom().failure(
                        building == null ? notInEstate(input) : ProblemException.invalid("unit", "building "
                                + input.building() + " has no unit '" + input.unit() + "'"))));
    }

    private static ProblemException notInEstate(NewRequest input) {
        return ProblemException.invalid("building", "building '" + input.building() + "' is not part of the estate");
    }

    /** A request the caller may see; 404 for one they may not, so its existence is not revealed. */
    @WithSession
    public Uni<RequestView> find(Caller caller, UUID id) {
        return visible(caller, id).chain(r -> view(r, caller));
    }

    /** The request if the caller may see it; 404 otherwise. */
    public Uni<ResidentRequest> visible(Caller caller, UUID id) {
        return requests.findById(id).chain(r -> {
            // a partner whose organisation serves several communities reads its requests in each (Caller.serves)
            if (r == null || !caller.serves(r.communityId)) {
                throw ProblemException.notFound("request", id.toString());
            }
            if (caller.staff() || (caller.resident() && caller.id().equals(r.residentId))) {
                return Uni.createFrom().item(r);
            }
            if (caller.org() != null) {
                return requests.orgHoldsTask(id, caller.org()).map(holds -> {
                    if (!holds) {
                        throw ProblemException.notFound("request", id.toString());
                    }
                    return r;
                });
            }
            throw ProblemException.notFound("request", id.toString());
        });
    }

    private Uni<RequestView> view(ResidentRequest r, Caller caller) {
        boolean insider = caller.staff() || caller.org() != null;
        return requests.tasks(r.id).chain(tasks -> requests.timeline(r.id).chain(timeline -> requests
                .deadlineMoves(r.id).chain(moves -> requests.mergedInto(r.id).map(merged -> RequestView.of(r, tasks,
                        timeline.stream().filter(e -> insider || e.visibility == TimelineEntry.Visibility.PUBLIC)
                                .toList(), moves, merged, clock.instant())))));
    }

    @WithSession
    public Uni<Page<RequestSummary>> search(Caller caller, @Valid @NotNull RequestSearch search) {
        Instant now = clock.instant();
        return requests.search(caller, search, now).map(page -> page.map(r -> RequestSummary.of(r, now)));
    }

    @WithSession
    public Uni<List<RequestView.TimelineView>> timeline(Caller caller, UUID id) {
        return find(caller, id).map(RequestView::timeline);
    }
}
