package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongzhi.events.VoteClosed;
import org.gongzhi.events.VoteOpened;
import org.gongzhi.hall.DeliberationApi.BallotView;
import org.gongzhi.hall.DeliberationApi.Cast;
import org.gongzhi.hall.DeliberationApi.HouseholdRef;
import org.gongzhi.hall.DeliberationApi.NewProxy;
import org.gongzhi.hall.DeliberationApi.NewVote;
import org.gongzhi.hall.DeliberationApi.OfflineBallot;
import org.gongzhi.hall.DeliberationApi.VoteSummary;
import org.gongzhi.hall.DeliberationApi.VoteView;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.platform.security.Caller;
import org.jboss.logging.Logger;

/**
 * Votes of the hall: one vote per household of the topic's area (the latest choice counts until the window
 * closes), cast online by a member of the household or its registered proxy, or recorded by a worker for a paper or
 * show-of-hands vote. Who voted is recorded; what a household chose is shown only to it and to admins (the audit role).
 */
@ApplicationScoped
public class VotingService {
    private static final Logger LOG = Logger.getLogger(VotingService.class);

    private final TopicService topics;
    private final Estate estate;
    private final Outbox outbox;
    private final Clock clock;

    VotingService(TopicService topics, Estate estate, Outbox outbox, Clock clock) {
        this.topics = topics;
        this.estate = estate;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<VoteView> open(Caller caller, UUID topicId, @Valid @NotNull NewVote input) {
        if (new HashSet<>(input.options()).size() != input.options().size()) {
            throw ProblemException.invalid("options", "options must differ");
        }
        if (input.options().stream().anyMatch(o -> o.contains(","))) {
            throw ProblemException.invalid("options", "an option cannot contain a comma");
        }
        Instant now = clock.instant();
        Instant opensAt = input.opensAt() == null ? now : input.opensAt();
        if (!input.closesAt().isAfter(opensAt)) {
            throw ProblemException.invalid("closesAt", "must be after opensAt");
        }
        return topics.topic(caller, topicId).chain(topic -> {
            if (topic.status == Topic.Status.DECIDED) {
                throw ProblemException.conflict("this topic is already decided");
            }
            Vote vote = new Vote();
            vote.id = UUID.randomUUID();
            vote.topicId = topicId;
            vote.question = input.question();
            vote.options = String.join(",", input.options());
            vote.rule = input.rule();
            vote.quorum = input.quorum() == null ? new BigDecimal("0.5") : input.quorum();
            vote.opensAt = opensAt;
            vote.closesAt = input.closesAt();
            topic.status = Topic.Status.VOTING;
            return vote.persist().chain(() -> eligible(topic)).chain(households -> outbox.add(new VoteOpened(
                            topic.communityId, topic.id.toString(), vote.id.toString(), vote.question,
                            vote.rule.name(), vote.optionList(), households.size(), vote.opensAt, vote.closesAt)))
                    .chain(() -> view(caller, vote));
        });
    }

    /** A resident votes for their own household, or for one they are the registered proxy of. */
    @WithTransaction
    public Uni<VoteView> cast(Caller caller, UUID voteId, @Valid @NotNull Cast cast) {
        return openVote(caller, voteId, cast.choice()).chain(vote -> estate.membership(caller.community(), caller.id())
                .chain(member -> {
                    HouseholdRef own = member == null ? null : member.household();
                    HouseholdRef target = cast.household() == null ? own : cast.household();
                    if (target == null) {
                        throw ProblemException.forbidden("your account is not linked to a household");
                    }
                    // owners' matters (Civil Code art. 278) are for owners: a tenant votes only as a registered proxy
                    boolean ownersOnly = vote.rule.ownersOnly();
                    boolean byProxy = !target.equals(own) || (ownersOnly && !member.owner());
                    Uni<Void> allowed = !byProxy ? Uni.createFrom().voidItem()
                            : Proxy.findById(new Proxy.Key(caller.community(), target.building(), target.unit(),
                                    target.household(), caller.id())).invoke(p -> {
                                        if (p == null && target.equals(own)) {
                                            throw ProblemException.forbidden("this vote is on an owners' matter "
                                                    + "(" + vote.rule + "): only an owner of household "
                                                    + label(target) + ", or a proxy the owner registered, votes");
                                        }
                                        if (p == null) {
                                            throw ProblemException.forbidden("you are not the registered proxy of "
                                                    + "household " + label(target));
                                        }
                                    }).replaceWithVoid();
                    return allowed.chain(() -> record(caller, vote, target, cast.choice(), caller.id(), byProxy, null));
                }));
    }

    /** A worker records a paper or show-of-hands ballot for a household. */
    @WithTransaction
    public Uni<VoteView> recordOffline(Caller caller, UUID voteId, @Valid @NotNull OfflineBallot ballot) {
        return openVote(caller, voteId, ballot.choice()).chain(vote -> record(caller, vote, ballot.household(),
                ballot.choice(), "household " + label(ballot.household()), false, caller.id()));
    }

    @WithTransaction
    public Uni<Void> registerProxy(Caller caller, @Valid @NotNull NewProxy input) {
        HouseholdRef h = input.household();
        return estate.hasHousehold(caller.community(), h)
                .chain(found -> {
                    if (!found) {
                        throw ProblemException.invalid("household", "no household " + label(h));
                    }
                    Proxy proxy = new Proxy();
                    proxy.communityId = caller.community();
                    proxy.building = h.building();
                    proxy.unit = h.unit();
                    proxy.household = h.household();
                    proxy.residentId = input.residentId();
                    proxy.registeredBy = caller.id();
                    proxy.registeredAt = clock.instant();
                    return Panache.getSession().chain(s -> s.merge(proxy)).replaceWithVoid();
                });
    }

    private Uni<Vote> openVote(Caller caller, UUID voteId, String choice) {
        return vote(caller, voteId).map(vote -> {
            if (!vote.isOpenAt(clock.instant())) {
                throw ProblemException.conflict("voting is not open: the window is " + vote.opensAt + " to "
                        + vote.closesAt + (vote.closed ? " and the vote is closed" : ""));
            }
            if (!vote.optionList().contains(choice)) {
                throw ProblemException.invalid("choice", "must be one of " + vote.optionList());
            }
            return vote;
        });
    }

    private Uni<VoteView> record(Caller caller, Vote vote, HouseholdRef h, String choice, String castBy,
            boolean byProxy, String recordedBy) {
        return Topic.<Topic>findById(vote.topicId).chain(topic -> {
            if (!topic.concerns(h.building())) {
                throw ProblemException.forbidden("household " + label(h) + " is outside this topic's area");
            }
            return estate.hasHousehold(topic.communityId, h);
        }).chain(found -> {
            if (!found) {
                throw ProblemException.invalid("household", "no household " + label(h));
            }
            Ballot ballot = new Ballot();
            ballot.voteId = vote.id;
            ballot.building = h.building();
            ballot.unit = h.unit();
            ballot.household = h.household();
            ballot.choice = choice;
            ballot.castBy = castBy;
            ballot.byProxy = byProxy;
            ballot.recordedBy = recordedBy;
            ballot.castAt = clock.instant();
            return Panache.getSession().chain(s -> s.merge(ballot).call(s::flush));
        }).chain(() -> view(caller, vote));
    }

    @WithSession
    public Uni<VoteView> find(Caller caller, UUID voteId) {
        return vote(caller, voteId).chain(vote -> view(caller, vote));
    }

    /** Every ballot with its choice: for admins, who audit votes. */
    @WithSession
    public Uni<List<BallotView>> ballots(Caller caller, UUID voteId) {
        return vote(caller, voteId).chain(vote -> Ballot.<Ballot>list(
                        "voteId = ?1 order by building, unit, household", vote.id))
                .map(ballots -> ballots.stream().map(b -> new BallotView(b.building, b.unit, b.household, b.choice,
                        b.castBy, b.byProxy, b.recordedBy, b.castAt)).toList());
    }

    /** Closes a vote whose window has ended and publishes its result. */
    @WithTransaction
    public Uni<VoteView> close(Caller caller, UUID voteId) {
        return vote(caller, voteId).chain(vote -> {
            if (vote.closed) {
                throw ProblemException.conflict("the vote is already closed");
            }
            if (clock.instant().isBefore(vote.closesAt)) {
                throw ProblemException.conflict("the voting window is open until " + vote.closesAt);
            }
            return closeNow(vote).chain(() -> view(caller, vote));
        });
    }

    /** Closes every vote whose window has ended; runs every minute. */
    @Scheduled(every = "${gongzhi.deliberation.close-check:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeDue() {
        return Panache.withTransaction(() -> Vote.<Vote>list("closed = false and closesAt <= ?1", clock.instant())
                .chain(due -> InOrder.each(due, this::closeNow)))
                .onFailure().invoke(e -> LOG.warn("closing due votes failed; next check retries", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> closeNow(Vote vote) {
        return Topic.<Topic>findById(vote.topicId).chain(topic -> tally(topic, vote).chain(result -> {
            vote.closed = true;
            vote.outcome = result.outcome().name();
            vote.winner = result.winningOption();
            return outbox.add(new VoteClosed(topic.communityId, topic.id.toString(), vote.id.toString(),
                    vote.rule.name(), vote.outcome, vote.winner, result.eligible(), result.participating(),
                    clock.instant())).replaceWithVoid();
        }));
    }

    /**
     * The households of the topic's area: one vote each. For owners' matters too every household counts, since every
     * flat has an owner (art. 278 counts all owners and the whole floor area, whether or not they hold an account);
     * only who may cast the household's vote differs.
     */
    private Uni<List<Estate.Household>> eligible(Topic topic) {
        return estate.households(topic.communityId, topic.buildingList());
    }

    private Uni<VoteTally.Result> tally(Topic topic, Vote vote) {
        return eligible(topic).chain(households -> Ballot.<Ballot>list("voteId", vote.id).map(ballots -> {
            Map<String, String> choices = ballots.stream().collect(Collectors.toMap(
                    b -> b.building + "-" + b.unit + "-" + b.household, b -> b.choice));
            List<VoteTally.Household> counted = households.stream().map(h -> new VoteTally.Household(
                    label(h.ref()), h.floorArea(), choices.get(label(h.ref())))).toList();
            return VoteTally.count(vote.rule, vote.optionList(), vote.optionList().get(0), vote.quorum, counted);
        }));
    }

    private Uni<Vote> vote(Caller caller, UUID voteId) {
        return Vote.<Vote>findById(voteId).chain(vote -> {
            if (vote == null) {
                throw ProblemException.notFound("vote", voteId.toString());
            }
            return topics.topic(caller, vote.topicId).replaceWith(vote);
        });
    }

    private Uni<VoteView> view(Caller caller, Vote vote) {
        return Topic.<Topic>findById(vote.topicId).chain(topic -> tally(topic, vote))
                .chain(result -> estate.membership(caller.community(), caller.id())
                        .chain(member -> member == null ? Uni.createFrom().<Ballot>nullItem()
                                : Ballot.<Ballot>findById(new Ballot.Key(vote.id, member.household().building(),
                                        member.household().unit(), member.household().household())))
                        .map(mine -> {
                            // while the window is open only participation shows, so no one votes with the crowd
                            boolean final_ = vote.closed;
                            return new VoteView(VoteSummary.of(vote), result.eligible(), result.participating(),
                                    final_ ? result.households() : Map.of(), final_ ? result.area() : Map.of(),
                                    mine == null ? null : mine.choice);
                        }));
    }

    private static String label(HouseholdRef h) {
        return h.building() + "-" + h.unit() + "-" + h.household();
    }
}
