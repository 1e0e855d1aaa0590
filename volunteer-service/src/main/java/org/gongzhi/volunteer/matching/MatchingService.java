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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerOffered;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.volunteer.team.Building;
import org.gongzhi.volunteer.team.Volunteer;
import org.jboss.logging.Logger;

/**
 * Turns a request that suits volunteers into one offer at a time to the best candidate; a decline or an expiry moves
 * it on; when nobody is left the request goes back to the alliance ({@code volunteer.unmatched}).
 */
@ApplicationScoped
public class MatchingService {
    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    private static final ZoneId ESTATE_TIME = ZoneId.of("Asia/Shanghai");
    /** The skill a category of request needs; anything else is an errand. */
    static final Map<String, String> SKILL_FOR_CATEGORY = Map.of("appliance-repair", "appliance-repair",
            "shopping-help", "errands", "paperwork-help", "paperwork", "corridor-clutter", "clean-up",
            "safety-risk", "watch");

    private final Outbox outbox;
    private final MatchingConfig config;
    private final Clock clock;

    MatchingService(Outbox outbox, MatchingConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Runs inside the consumer's transaction. */
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
            m.skill = SKILL_FOR_CATEGORY.getOrDefault(r.category(), "errands");
            m.deadline = r.resolveBy();
            m.status = Matching.Status.MATCHING;
            m.createdAt = clock.instant();
            return m.persist().chain(() -> offerNext(m, r.communityId()));
        });
    }

    /** Offers the request to the best candidate not yet tried, or gives it back to the alliance. */
    private Uni<Void> offerNext(Matching m, String communityId) {
        Instant now = clock.instant();
        return Building.<Building>findById(m.building == null ? "" : m.building).chain(target -> candidates(now)
                .map(candidates -> Ranking.rank(candidates.stream()
                                .filter(c -> !m.triedList().contains(c.id())).toList(), m.skill,
                        target == null ? 0 : target.gridX, target == null ? 0 : target.gridY,
                        LocalDateTime.ofInstant(now, ESTATE_TIME),
                        m.deadline == null ? null : LocalDateTime.ofInstant(m.deadline, ESTATE_TIME),
                        config.pointsPerStep(), config.pointsPerRecentTask(), config.maxSteps())))
                .chain(ranked -> {
                    if (ranked.isEmpty()) {
                        m.status = Matching.Status.UNMATCHED;
                        return outbox.add(new VolunteerUnmatched(communityId, m.requestId, m.category, m.building,
                                "no volunteer with " + m.skill + " accepted in time", now)).replaceWithVoid();
                    }
                    Ranking.Scored best = ranked.get(0);
                    m.tried(best.candidate().id());
                    Offer offer = new Offer();
                    offer.id = UUID.randomUUID();
                    offer.requestId = m.requestId;
                    offer.volunteerId = best.candidate().id();
                    offer.status = Offer.Status.OFFERED;
                    offer.score = best.score();
                    offer.reason = best.reason();
                    offer.offeredAt = now;
                    offer.expiresAt = now.plus(config.offerExpiry());
                    return offer.persist().chain(() -> outbox.add(new VolunteerOffered(communityId,
                            offer.id.toString(), m.requestId, offer.volunteerId, offer.reason, offer.expiresAt, now)))
                            .replaceWithVoid();
                });
    }

    private Uni<List<Ranking.Candidate>> candidates(Instant now) {
        Instant weekAgo = now.minus(Duration.ofDays(7));
        return Volunteer.<Volunteer>list("active = true").chain(volunteers -> Building.<Building>listAll()
                .chain(buildings -> Offer.<Offer>list("status in ?1 and offeredAt >= ?2",
                        List.of(Offer.Status.ACCEPTED, Offer.Status.COMPLETED), weekAgo).map(recent -> {
                            Map<String, Building> grid = buildings.stream()
                                    .collect(Collectors.toMap(b -> b.code, b -> b));
                            Map<String, Long> load = recent.stream()
                                    .collect(Collectors.groupingBy(o -> o.volunteerId, Collectors.counting()));
                            return volunteers.stream().map(v -> {
                                Building home = grid.get(v.building);
                                return new Ranking.Candidate(v.id, v.skillList(), v.availability,
                                        home == null ? 0 : home.gridX, home == null ? 0 : home.gridY,
                                        load.getOrDefault(v.id, 0L).intValue(), v.maxTasksPerWeek);
                            }).toList();
                        })));
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
            return Matching.<Matching>findById(offer.requestId).chain(m -> {
                m.status = Matching.Status.MATCHED;
                return outbox.add(new VolunteerAccepted(m.communityId, offer.id.toString(), offer.requestId,
                        volunteerId, now));
            }).replaceWith(OfferView.of(offer));
        });
    }

    @WithTransaction
    public Uni<OfferView> decline(String volunteerId, UUID offerId) {
        return own(volunteerId, offerId).chain(offer -> {
            if (offer.status != Offer.Status.OFFERED) {
                throw ProblemException.conflict("this offer is " + offer.status.name().toLowerCase());
            }
            offer.status = Offer.Status.DECLINED;
            return Matching.<Matching>findById(offer.requestId).chain(m -> offerNext(m, m.communityId))
                    .replaceWith(OfferView.of(offer));
        });
    }

    @WithTransaction
    public Uni<OfferView> complete(String volunteerId, UUID offerId, @Valid @NotNull Completion completion) {
        return own(volunteerId, offerId).chain(offer -> {
            if (offer.status != Offer.Status.ACCEPTED) {
                throw ProblemException.conflict("only an accepted offer can be completed; this one is "
                        + offer.status.name().toLowerCase());
            }
            Instant now = clock.instant();
            offer.status = Offer.Status.COMPLETED;
            offer.completedAt = now;
            offer.hours = completion.hours();
            offer.note = completion.note();
            return Matching.<Matching>findById(offer.requestId).chain(m -> {
                m.status = Matching.Status.DONE;
                return outbox.add(new VolunteerCompleted(m.communityId, offer.id.toString(), offer.requestId,
                        volunteerId, completion.hours(), now));
            }).replaceWith(OfferView.of(offer));
        });
    }

    /** Moves every expired offer to the next candidate. Scheduled, and called directly by tests with their clock. */
    @Scheduled(every = "${gongzhi.matching.expiry-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> expireDue() {
        return Panache.withTransaction(() -> Offer.<Offer>list("status = ?1 and expiresAt <= ?2", Offer.Status.OFFERED,
                clock.instant()).chain(expired -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Offer offer : expired) {
                        all = all.chain(() -> {
                            offer.status = Offer.Status.EXPIRED;
                            return Matching.<Matching>findById(offer.requestId).chain(m -> offerNext(m, m.communityId));
                        });
                    }
                    return all;
                }))
                .onFailure().invoke(e -> LOG.warn("expiring offers failed; the next check retries", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @WithSession
    public Uni<List<OfferView>> offers(String volunteerId, List<Offer.Status> statuses) {
        return Offer.<Offer>list("volunteerId = ?1 and status in ?2 order by offeredAt desc", volunteerId, statuses)
                .map(list -> list.stream().map(OfferView::of).toList());
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
