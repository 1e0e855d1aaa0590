package org.gongzhi.volunteer.matching;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.gongzhi.events.RequestRecategorised;
import org.gongzhi.events.RequestReopened;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.VisitId;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerHandedOver;
import org.gongzhi.events.VolunteerOffered;
import org.gongzhi.events.VolunteerProgressed;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.reactive.Backlog;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.volunteer.hours.HoursEntry;
import org.gongzhi.volunteer.hours.HoursLedger;
import org.gongzhi.volunteer.matching.MatchingApi.HandOver;
import org.gongzhi.volunteer.matching.MatchingApi.MatchingView;
import org.gongzhi.volunteer.matching.MatchingApi.NewMatching;
import org.gongzhi.volunteer.matching.MatchingApi.Progress;
import org.gongzhi.volunteer.estate.CategorySkills;
import org.gongzhi.volunteer.team.Building;
import org.gongzhi.volunteer.team.Skills;
import org.jboss.logging.Logger;

/**
 * Turns a request that suits volunteers (or a check-on-neighbour visit) into one offer at a time to the best
 * candidate of the request's community; a decline or an expiry moves it on; when nobody is left the request goes
 * back to the alliance ({@code volunteer.unmatched}), and so does a visit that was missed. A job a volunteer hands
 * over goes to the kind of alliance party they name ({@code volunteer.handed-over}). Visits of a lifted warning not
 * yet done are withdrawn.
 */
@ApplicationScoped
public class MatchingService {
    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    /** The category the alliance sees for a check-on-neighbour visit nobody made. */
    public static final String VISIT_CATEGORY = "check-on-neighbour";
    /** How many due offers one transaction moves on. */
    static final int CHUNK = 200;

    private final Outbox outbox;
    private final MatchingConfig config;
    private final Clock clock;
    private final HoursLedger ledger;
    private final VisitPlaces places;
    private final CategorySkills categories;

    MatchingService(Outbox outbox, MatchingConfig config, Clock clock, HoursLedger ledger, VisitPlaces places,
            CategorySkills categories) {
        this.categories = categories;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.ledger = ledger;
        this.places = places;
    }

    /** The skill the catalogue names for the category (the registry's copy), else the default skill. */
    Uni<String> skillFor(String category) {
        return categories.skillOf(category).map(skill -> skill != null ? skill : config.defaultSkill());
    }

    /** Runs inside the consumer's transaction. A second event for the same request makes no second matching. */
    public Uni<Void> requestSubmitted(InboundEvent<RequestSubmitted> event) {
        RequestSubmitted r = event.data();
        if (!r.hasTrack(RequestSubmitted.TRACK_VOLUNTEERS)) {
            return Uni.createFrom().voidItem();
        }
        return Matching.<Matching>findById(r.requestId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Matching m = new Matching();
            m.requestId = r.requestId();
            m.communityId = r.communityId();
            m.category = r.category();
            m.building = r.building();
            m.deadline = r.resolveBy();
            return skillFor(r.category()).chain(skill -> {
                m.skill = skill;
                return start(m);
            });
        });
    }

    /**
     * A reopened request with the VOLUNTEERS track is matched again: a finished matching starts a fresh round (nobody
     * counts as tried, the old deadline no longer holds); one still running is left alone; none yet starts one.
     */
    public Uni<Void> requestReopened(InboundEvent<RequestReopened> event) {
        RequestReopened r = event.data();
        if (r.tracks() == null || !r.tracks().contains(RequestSubmitted.TRACK_VOLUNTEERS)) {
            return Uni.createFrom().voidItem();
        }
        return Matching.<Matching>findById(r.requestId()).chain(m -> {
            if (m == null) {
                Matching fresh = new Matching();
                fresh.requestId = r.requestId();
                fresh.communityId = r.communityId();
                fresh.category = r.category();
                fresh.building = r.building();
                return skillFor(r.category()).chain(skill -> {
                    fresh.skill = skill;
                    return start(fresh);
                });
            }
            if (m.status == Matching.Status.MATCHING || m.status == Matching.Status.MATCHED) {
                return Uni.createFrom().voidItem();
            }
            m.status = Matching.Status.MATCHING;
            m.tried = "";
            m.deadline = null;
            return offerNext(m);
        });
    }

    /**
     * A worker re-triaged the request: the VOLUNTEERS track removed withdraws the matching (offers cancelled); added
     * (or still there after a withdrawal) starts it, or a fresh round of it, for the category as it now is.
     */
    public Uni<Void> requestRecategorised(InboundEvent<RequestRecategorised> event) {
        RequestRecategorised r = event.data();
        if (!r.hasTrack(RequestSubmitted.TRACK_VOLUNTEERS)) {
            return r.removed(RequestSubmitted.TRACK_VOLUNTEERS)
                    ? withdraw(r.communityId(), r.requestId(), "re-triaged: volunteers no longer needed")
                    : Uni.createFrom().voidItem();
        }
        return Matching.<Matching>findById(r.requestId()).chain(m -> {
            if (m == null) {
                Matching fresh = new Matching();
                fresh.requestId = r.requestId();
                fresh.communityId = r.communityId();
                fresh.category = r.category();
                fresh.building = r.building();
                fresh.deadline = r.resolveBy();
                return skillFor(r.category()).chain(skill -> {
                    fresh.skill = skill;
                    return start(fresh);
                });
            }
            if (m.status != Matching.Status.WITHDRAWN) {
                return Uni.createFrom().voidItem();
            }
            m.category = r.category();
            m.deadline = r.resolveBy();
            return skillFor(r.category()).chain(skill -> {
                m.skill = skill;
                return restart(m);
            });
        });
    }

    /**
     * A request that ended (withdrawn, rejected, merged into another, closed) no longer needs volunteers: its matching
     * is withdrawn and its open and accepted offers are cancelled. A merge undone (from MERGED back to an open status)
     * starts the withdrawn matching again.
     */
    public Uni<Void> requestStatusChanged(InboundEvent<RequestStatusChanged> event) {
        RequestStatusChanged r = event.data();
        if (r.toStatus().hasEnded()) {
            return withdraw(r.communityId(), r.requestId(), "request " + r.to().toLowerCase());
        }
        if (r.fromStatus() == RequestStatus.MERGED) {
            return Matching.<Matching>findById(r.requestId()).chain(m -> m == null
                    || m.status != Matching.Status.WITHDRAWN ? Uni.createFrom().voidItem() : restart(m));
        }
        return Uni.createFrom().voidItem();
    }

    /** A withdrawn matching starts again: nobody counts as tried. */
    private Uni<Void> restart(Matching m) {
        m.status = Matching.Status.MATCHING;
        m.tried = "";
        return offerNext(m);
    }

    /** Withdraws a request's matching still under way and cancels its open and accepted offers. */
    private Uni<Void> withdraw(String communityId, String requestId, String why) {
        Instant now = clock.instant();
        return Matching.<Matching>findById(requestId).chain(m -> {
            if (m == null || !m.communityId.equals(communityId) || (m.status != Matching.Status.MATCHING
                    && m.status != Matching.Status.MATCHED)) {
                return Uni.createFrom().voidItem();
            }
            m.status = Matching.Status.WITHDRAWN;
            return Offer.<Offer>list("requestId = ?1 and status in (?2, ?3)", requestId, Offer.Status.OFFERED,
                    Offer.Status.ACCEPTED).invoke(open -> open.forEach(o -> {
                        o.status = Offer.Status.CANCELLED;
                        o.cancelledAt = now;
                        o.note = why;
                    })).invoke(open -> LOG.infof("request %s: matching withdrawn (%s), %d offer(s) cancelled",
                            requestId, why, open.size())).replaceWithVoid();
        });
    }

    /** A worker asks for volunteers for a request explicitly, of a category the community has not withdrawn. */
    @WithTransaction
    public Uni<MatchingView> requestVolunteers(@Valid @NotNull NewMatching input, String communityId) {
        if (input.skill() != null && !Skills.ALL.contains(input.skill())) {
            throw ProblemException.invalid("skill", "unknown skill '" + input.skill() + "'; one of " + Skills.ALL);
        }
        return categories.withdrawn(communityId, input.category()).chain(withdrawn -> {
            if (withdrawn) {
                throw ProblemException.invalid("category", "category '" + input.category()
                        + "' is withdrawn from community " + communityId);
            }
            return Building.onGrid(communityId, input.building());
        }).chain(building -> {
            if (building == null) {
                throw ProblemException.invalid("building", "building '" + input.building() + "' is not on the grid");
            }
            return Matching.<Matching>findById(input.requestId());
        }).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("volunteers are already being matched for request "
                        + input.requestId());
            }
            Matching m = new Matching();
            m.requestId = input.requestId();
            m.communityId = communityId;
            m.category = input.category();
            m.building = input.building();
            m.deadline = input.deadline();
            return (input.skill() != null ? Uni.createFrom().item(input.skill()) : skillFor(input.category()))
                    .chain(skill -> {
                        m.skill = skill;
                        return start(m).chain(() -> view(m));
                    });
        });
    }

    /**
     * A check-on-neighbour visit to each flagged household during a warning (none twice); runs in the consumer's
     * transaction. The community's candidates are read once, when the first visit is started, and serve them all.
     */
    public Uni<Void> startVisits(String communityId, String warningId, List<VisitPlaces.Target> households,
            Instant deadline) {
        Uni<CandidatePool> pool = CandidatePool.of(communityId, clock.instant()).memoize().indefinitely();
        return InOrder.each(households, household -> startVisit(communityId, warningId, household, deadline, pool));
    }

    private Uni<Void> startVisit(String communityId, String warningId, VisitPlaces.Target household,
            Instant deadline, Uni<CandidatePool> pool) {
        String id = VisitId.of(warningId, household.household().toString()).value();
        return Matching.<Matching>findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Matching m = new Matching();
            m.requestId = id;
            m.kind = Matching.Kind.VISIT;
            m.communityId = communityId;
            m.category = VISIT_CATEGORY;
            m.building = household.building();
            m.skill = null;
            m.householdId = household.household().toString();
            m.warningId = warningId;
            m.deadline = deadline;
            return start(m, pool);
        });
    }

    private Uni<Void> start(Matching m) {
        return start(m, null);
    }

    /**
     * Decides the first offer before the matching is written, so its row is inserted once as it stands (who was
     * tried, or unmatched) rather than inserted and updated straight away. {@code pool} null: read it now.
     */
    private Uni<Void> start(Matching m, Uni<CandidatePool> pool) {
        Instant now = clock.instant();
        m.status = Matching.Status.MATCHING;
        m.createdAt = now;
        return decideNext(m, pool, now).chain(writes -> m.persist().chain(() -> writes.get()));
    }

    /** Offers the job to the best candidate not yet tried, or gives it back to the alliance. */
    private Uni<Void> offerNext(Matching m) {
        return decideNext(m, null, clock.instant()).chain(writes -> writes.get());
    }

    /**
     * Ranks the candidates not yet tried and records the outcome on the matching (the best one is tried, or nobody
     * is left and it is unmatched); what it gives back writes the rest: the offer and its event, or the event that
     * hands the job back. {@code pool} null: the community's candidates are read now.
     */
    private Uni<Supplier<Uni<Void>>> decideNext(Matching m, Uni<CandidatePool> pool, Instant now) {
        Uni<CandidatePool> candidates = pool != null ? pool : CandidatePool.of(m.communityId, now);
        return candidates.chain(found -> {
            List<Ranking.Candidate> open = found.notTried(m);
            // where the job is only matters when someone is left to rank
            Uni<Building> place = open.isEmpty() ? Uni.createFrom().nullItem()
                    : Building.onGrid(m.communityId, m.building);
            return place.map(target -> {
                List<Ranking.Scored> ranked = Ranking.rank(open, m.skill,
                        target == null ? null : target.gridX, target == null ? null : target.gridY,
                        LocalDateTime.ofInstant(now, HoursLedger.ESTATE_TIME),
                        m.deadline == null ? null : LocalDateTime.ofInstant(m.deadline, HoursLedger.ESTATE_TIME),
                        config.pointsPerStep(), config.pointsPerRecentTask(), config.maxSteps());
                if (ranked.isEmpty()) {
                    String reason = m.kind == Matching.Kind.VISIT
                            ? "no volunteer could check on a flagged household in building " + m.building
                                    + " during warning " + m.warningId
                            : "no volunteer with " + m.skill + " accepted in time";
                    m.status = Matching.Status.UNMATCHED;
                    return () -> handBack(m, reason, now);
                }
                Ranking.Scored best = ranked.get(0);
                m.tried(best.candidate().id());
                return () -> offer(m, best, now);
            });
        });
    }

    private Uni<Void> offer(Matching m, Ranking.Scored best, Instant now) {
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.requestId = m.requestId;
        offer.volunteerId = best.candidate().id();
        offer.status = Offer.Status.OFFERED;
        offer.score = best.score();
        offer.reason = (m.kind == Matching.Kind.VISIT ? "check-on-neighbour visit; " : "") + best.reason();
        offer.asked(best.why());
        offer.offeredAt = now;
        offer.expiresAt = now.plus(config.offerExpiry());
        return offer.persist().chain(() -> outbox.add(new VolunteerOffered(m.communityId, offer.id.toString(),
                m.requestId, offer.volunteerId, offer.reason, offer.expiresAt, now, visitId(m), warningId(m))))
                .replaceWithVoid();
    }

    private Uni<Void> unmatched(Matching m, String reason, Instant now) {
        m.status = Matching.Status.UNMATCHED;
        return handBack(m, reason, now);
    }

    /** {@code volunteer.unmatched}: the alliance takes the job back. */
    private Uni<Void> handBack(Matching m, String reason, Instant now) {
        return outbox.add(new VolunteerUnmatched(m.communityId, m.requestId, m.category, m.building, reason, now,
                visitId(m), warningId(m))).replaceWithVoid();
    }

    /**
     * A visit's events name it in {@code visitId} and {@code warningId}; their {@code requestId} still repeats the
     * visit id for readers of v1 that do not read those fields yet (alliance's case of a missed visit, the dashboard's
     * board), so it stays what it was.
     */
    private static String visitId(Matching m) {
        return m.kind == Matching.Kind.VISIT ? m.requestId : null;
    }

    private static String warningId(Matching m) {
        return m.kind == Matching.Kind.VISIT ? m.warningId : null;
    }

    @WithTransaction
    public Uni<OfferView> accept(String volunteerId, UUID offerId) {
        return own(volunteerId, offerId).chain(offer -> {
            Instant now = clock.instant();
            if (offer.status != Offer.Status.OFFERED || !now.isBefore(offer.expiresAt)) {
                throw ProblemException.conflict("this offer is " + (offer.status == Offer.Status.OFFERED
                        ? "expired" : offer.status.name().toLowerCase()) + " and can no longer be accepted");
            }
            offer.status = Offer.Status.ACCEPTED;
            offer.acceptedAt = now;
            return matching(offer).chain(m -> {
                m.status = Matching.Status.MATCHED;
                return outbox.add(new VolunteerAccepted(m.communityId, offer.id.toString(), offer.requestId,
                        volunteerId, now, visitId(m), warningId(m))).chain(() -> view(offer, m));
            });
        });
    }

    @WithTransaction
    public Uni<OfferView> decline(String volunteerId, UUID offerId) {
        return own(volunteerId, offerId).chain(offer -> {
            if (offer.status != Offer.Status.OFFERED || !clock.instant().isBefore(offer.expiresAt)) {
                throw ProblemException.conflict("this offer is " + (offer.status == Offer.Status.OFFERED
                        ? "expired" : offer.status.name().toLowerCase()));
            }
            offer.status = Offer.Status.DECLINED;
            return matching(offer).chain(m -> offerNext(m).chain(() -> view(offer, m)));
        });
    }

    /**
     * A note on how the work goes, kept on the task (the latest one shows) and published as
     * {@code volunteer.progressed}, so the resident's request shows it too.
     */
    @WithTransaction
    public Uni<OfferView> progress(String volunteerId, UUID offerId, @Valid @NotNull Progress progress) {
        return accepted(volunteerId, offerId, "given progress").chain(offer -> {
            Instant now = clock.instant();
            offer.progressNote = progress.note();
            offer.progressAt = now;
            return matching(offer).chain(m -> outbox.add(new VolunteerProgressed(m.communityId, offer.id.toString(),
                    offer.requestId, volunteerId, progress.note(), now, visitId(m), warningId(m)))
                    .chain(() -> view(offer, m)));
        });
    }

    @WithTransaction
    public Uni<OfferView> complete(String volunteerId, UUID offerId, @Valid @NotNull Completion completion) {
        return accepted(volunteerId, offerId, "completed").chain(offer -> {
            Instant now = clock.instant();
            offer.status = Offer.Status.COMPLETED;
            offer.completedAt = now;
            offer.hours = completion.hours();
            offer.note = completion.note();
            return matching(offer).chain(m -> {
                m.status = Matching.Status.DONE;
                return ledger.record(volunteerId, m.kind == Matching.Kind.VISIT ? HoursEntry.Source.VISIT
                                : HoursEntry.Source.TASK, offer.id.toString(), completion.hours(), completion.note(), now)
                        .chain(() -> outbox.add(new VolunteerCompleted(m.communityId, offer.id.toString(),
                                offer.requestId, volunteerId, completion.hours(), now, visitId(m), warningId(m))))
                        .chain(() -> view(offer, m));
            });
        });
    }

    /**
     * "Needs a professional": the volunteer hands the job to a kind of alliance party (the community office when
     * they name none); {@code volunteer.handed-over} lets the alliance give such a party the lead task.
     */
    @WithTransaction
    public Uni<OfferView> handOver(String volunteerId, UUID offerId, @Valid @NotNull HandOver handOver) {
        return accepted(volunteerId, offerId, "handed over").chain(offer -> {
            Instant now = clock.instant();
            String party = handOver.party();
            offer.status = Offer.Status.HANDED_OVER;
            offer.handedOverTo = party;
            offer.handedOverAt = now;
            offer.note = handOver.reason();
            return matching(offer).chain(m -> {
                m.status = Matching.Status.HANDED_OVER;
                return outbox.add(new VolunteerHandedOver(m.communityId, offer.id.toString(), offer.requestId,
                        volunteerId, m.category, m.building, party, handOver.reason(), now, visitId(m), warningId(m)))
                        .chain(() -> view(offer, m));
            });
        });
    }

    /**
     * The warning is lifted: its visits not yet done are withdrawn. Open offers are cancelled, and so are visits
     * accepted but not done, so nothing is reported as missed afterwards; completed visits stay as they are. Runs in
     * the consumer's transaction; a second call finds nothing left to withdraw.
     */
    public Uni<Void> withdrawVisits(String communityId, String warningId) {
        Instant now = clock.instant();
        return Matching.<Matching>list("warningId = ?1 and communityId = ?2 and kind = ?3 and status in ?4",
                warningId, communityId, Matching.Kind.VISIT,
                List.of(Matching.Status.MATCHING, Matching.Status.MATCHED)).chain(visits -> {
                    if (visits.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    visits.forEach(m -> m.status = Matching.Status.WITHDRAWN);
                    return Offer.<Offer>list("requestId in ?1 and status in ?2",
                            visits.stream().map(m -> m.requestId).toList(),
                            List.of(Offer.Status.OFFERED, Offer.Status.ACCEPTED)).invoke(open -> open.forEach(o -> {
                                o.status = Offer.Status.CANCELLED;
                                o.cancelledAt = now;
                            })).invoke(open -> LOG.infof("warning %s lifted: %d visit(s) withdrawn, %d offer(s)"
                                    + " cancelled", warningId, visits.size(), open.size())).replaceWithVoid();
                });
    }

    /**
     * Moves every expired offer to the next candidate, and reports every accepted visit not done by its deadline as
     * missed so a worker can go, {@link #CHUNK} offers a transaction (a warning's thousand visits expire together).
     * Scheduled, and called directly by tests with their clock.
     */
    @Scheduled(every = "${gongzhi.matching.expiry-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> expireDue() {
        Instant now = clock.instant();
        return Backlog.work(CHUNK, () -> Offer.<Offer>find("status = ?1 and expiresAt <= ?2 order by expiresAt, id",
                        Offer.Status.OFFERED, now).page(0, CHUNK).list(), offer -> {
                    offer.status = Offer.Status.EXPIRED;
                    return matching(offer).chain(this::offerNext);
                })
                .chain(() -> Backlog.work(CHUNK, () -> Offer.<Offer>find("select o from Offer o, Matching m "
                                + "where m.requestId = o.requestId and o.status = ?1 and m.kind = ?2 "
                                + "and m.deadline <= ?3 order by m.deadline, o.id",
                                Offer.Status.ACCEPTED, Matching.Kind.VISIT, now)
                        .page(0, CHUNK).list(), offer -> {
                            offer.status = Offer.Status.MISSED;
                            return matching(offer).chain(m -> unmatched(m, "the check-on-neighbour visit in"
                                    + " building " + m.building + " was missed during warning " + m.warningId
                                    + "; a worker should go", now));
                        }))
                .onFailure().invoke(e -> LOG.warn("expiring offers failed; the next check retries", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @WithSession
    public Uni<List<OfferView>> offers(String volunteerId, List<Offer.Status> statuses) {
        Instant now = clock.instant();
        return Offer.<Offer>list("volunteerId = ?1 and status in ?2 order by offeredAt desc", volunteerId, statuses)
                // an offer past its expiry is no longer open, even before the expiry check has moved it on;
                // a cancelled offer is a task only if it had been accepted
                .map(all -> all.stream().filter(o -> o.status != Offer.Status.OFFERED || now.isBefore(o.expiresAt))
                        .filter(o -> o.status != Offer.Status.CANCELLED || o.acceptedAt != null)
                        .toList())
                .chain(list -> {
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(List.<OfferView>of());
                    }
                    List<String> ids = list.stream().map(o -> o.requestId).distinct().toList();
                    return Matching.<Matching>list("requestId in ?1", ids).chain(matchings -> {
                        Map<String, Matching> byId = matchings.stream()
                                .collect(Collectors.toMap(m -> m.requestId, Function.identity()));
                        List<UUID> households = matchings.stream().filter(m -> m.householdId != null)
                                .map(m -> UUID.fromString(m.householdId)).toList();
                        Uni<Map<String, VisitPlaces.Place>> placesOf = households.isEmpty()
                                ? Uni.createFrom().item(Map.of()) : places.of(households);
                        return placesOf.map(placeOf -> list.stream().map(o -> {
                            Matching m = byId.get(o.requestId);
                            return OfferView.of(o, m, m == null || m.householdId == null ? null
                                    : placeOf.get(m.householdId));
                        }).toList());
                    });
                });
    }

    /** A matching as a worker of its community sees it; to others it does not exist. */
    @WithSession
    public Uni<MatchingView> matching(String requestId, String communityId) {
        return Matching.<Matching>findById(requestId).chain(m -> {
            if (m == null || !m.communityId.equals(communityId)) {
                throw ProblemException.notFound("matching", requestId);
            }
            return view(m);
        });
    }

    /** The check-on-neighbour visits a warning created in the community. */
    @WithSession
    public Uni<List<MatchingView>> visits(String warningId, String communityId) {
        return Matching.<Matching>list("warningId = ?1 and communityId = ?2 order by building, requestId", warningId,
                communityId).chain(ms -> ms.isEmpty() ? Uni.createFrom().item(List.<MatchingView>of())
                        // one query for all the visits' offers, not one per visit
                        : Offer.<Offer>list("requestId in ?1 order by offeredAt",
                                ms.stream().map(m -> m.requestId).toList()).map(offers -> {
                                    Map<String, List<Offer>> byVisit = offers.stream()
                                            .collect(Collectors.groupingBy(o -> o.requestId));
                                    return ms.stream().map(m -> MatchingView.of(m,
                                            byVisit.getOrDefault(m.requestId, List.of()))).toList();
                                }));
    }

    private Uni<MatchingView> view(Matching m) {
        return Offer.<Offer>list("requestId = ?1 order by offeredAt", m.requestId)
                .map(offers -> MatchingView.of(m, offers));
    }

    private Uni<OfferView> view(Offer offer, Matching m) {
        if (m.householdId == null) {
            return Uni.createFrom().item(OfferView.of(offer, m, null));
        }
        return places.of(UUID.fromString(m.householdId)).map(place -> OfferView.of(offer, m, place));
    }

    private Uni<Matching> matching(Offer offer) {
        return Matching.findById(offer.requestId);
    }

    private Uni<Offer> accepted(String volunteerId, UUID offerId, String verb) {
        return own(volunteerId, offerId).map(offer -> {
            if (offer.status != Offer.Status.ACCEPTED) {
                throw ProblemException.conflict("only an accepted offer can be " + verb + "; this one is "
                        + offer.status.name().toLowerCase().replace('_', ' '));
            }
            return offer;
        });
    }

    private Uni<Offer> own(String volunteerId, UUID offerId) {
        return Offer.<Offer>findById(offerId).map(offer -> {
            if (offer == null || !offer.volunteerId.equals(volunteerId)) {
                throw ProblemException.notFound("offer", offerId.toString());
            }
            return offer;
        });
    }
}
