package org.gongzhi.request.deliberation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.events.DecisionMade;
import org.gongzhi.events.TopicOpened;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.api.PageQuery;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.persistence.IdList;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.request.deliberation.DeliberationApi.ActionItemView;
import org.gongzhi.request.deliberation.DeliberationApi.CommentView;
import org.gongzhi.request.deliberation.DeliberationApi.DecisionView;
import org.gongzhi.request.deliberation.DeliberationApi.NewComment;
import org.gongzhi.request.deliberation.DeliberationApi.NewDecision;
import org.gongzhi.request.deliberation.DeliberationApi.NewTopic;
import org.gongzhi.request.deliberation.DeliberationApi.Suggestion;
import org.gongzhi.request.deliberation.DeliberationApi.TopicView;
import org.gongzhi.request.deliberation.DeliberationApi.VoteSummary;
import org.gongzhi.request.estate.EstateRepository;
import org.gongzhi.request.lifecycle.NewRequest;
import org.gongzhi.request.lifecycle.RequestRepository;
import org.gongzhi.request.lifecycle.RequestService;
import org.gongzhi.request.lifecycle.RequestStatus;
import org.gongzhi.request.lifecycle.ResidentRequest;
import org.gongzhi.request.lifecycle.StatusChanges;

/** Topics of the deliberation hall: proposing, discussing, supporting, deciding and carrying out. */
@ApplicationScoped
public class TopicService {
    private final RequestService intake;
    private final RequestRepository requests;
    private final EstateRepository estate;
    private final StatusChanges changes;
    private final Outbox outbox;
    private final DeliberationConfig config;
    private final DecisionProgress progress;
    private final Discussion discussion;
    private final Clock clock;

    TopicService(RequestService intake, RequestRepository requests, EstateRepository estate, StatusChanges changes,
            Outbox outbox, DeliberationConfig config, DecisionProgress progress, Discussion discussion, Clock clock) {
        this.progress = progress;
        this.discussion = discussion;
        this.intake = intake;
        this.requests = requests;
        this.estate = estate;
        this.changes = changes;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** A resident proposes a topic; a worker may also turn requests into one (they move to IN_DELIBERATION). */
    @WithTransaction
    public Uni<TopicView> open(Caller caller, @Valid @NotNull NewTopic input) {
        List<UUID> requestIds = input.requestIds() == null ? List.of() : input.requestIds();
        if (!requestIds.isEmpty() && !caller.staff()) {
            throw ProblemException.forbidden("only workers turn requests into topics");
        }
        List<String> buildings = input.buildings() == null ? List.of() : input.buildings();
        Instant now = clock.instant();
        Topic topic = new Topic();
        topic.id = UUID.randomUUID();
        topic.communityId = caller.community();
        topic.title = input.title().strip();
        topic.description = input.description().strip();
        topic.buildings = String.join(",", buildings);
        topic.status = Topic.Status.OPEN;
        topic.proposedBy = caller.id();
        topic.createdAt = now;
        Uni<Void> checked = InOrder.each(buildings, building -> estate.building(caller.community(), building)
                .invoke(b -> {
                    if (b == null) {
                        throw ProblemException.invalid("buildings", "building '" + building + "' is not part of the estate");
                    }
                }));
        Uni<Void> linked = checked.chain(() -> topic.persist())
                .chain(() -> InOrder.each(requestIds, requestId -> intake.visible(caller, requestId)
                        .chain(r -> changes.move(r, RequestStatus.IN_DELIBERATION, now, caller.id(),
                                "taken to the deliberation hall: " + topic.title))
                        .chain(r -> {
                            TopicRequest link = new TopicRequest();
                            link.topicId = topic.id;
                            link.requestId = requestId;
                            return link.persist();
                        })));
        return linked
                .chain(() -> outbox.add(new TopicOpened(topic.communityId, topic.id.toString(), topic.title,
                        buildings, requestIds.stream().map(UUID::toString).toList(), now)))
                .chain(() -> view(caller, topic));
    }

    /**
     * One page of the community's topics, newest first (the same moment: the greater id first), each viewed as
     * {@link #find} views it, in at most eight queries whatever the page holds: the total, the page, and the six
     * that read what its topics show ({@link #views}).
     */
    @WithSession
    public Uni<Page<TopicView>> list(Caller caller, @Valid @NotNull TopicSearch search) {
        Map<String, Object> community = Map.of("community", caller.community());
        return search.answer(PageQuery.total("Topic", "communityId = :community", community),
                () -> Topic.<Topic>find("communityId = :community", Sort.descending("createdAt", "id"), community)
                        .page(search.page, search.size()).list()
                        .chain(this::views));
    }

    @WithSession
    public Uni<TopicView> find(Caller caller, UUID id) {
        return topic(caller, id).chain(t -> view(caller, t));
    }

    /** One page of a topic's discussion, oldest first, each comment as the topic shows it. */
    @WithSession
    public Uni<Page<CommentView>> comments(Caller caller, UUID topicId, @Valid @NotNull CommentSearch search) {
        return topic(caller, topicId).chain(t -> discussion.page(t.id, search));
    }

    Uni<Topic> topic(Caller caller, UUID id) {
        return Topic.<Topic>findById(id).map(t -> {
            if (t == null || !t.communityId.equals(caller.community())) {
                throw ProblemException.notFound("topic", id.toString());
            }
            return t;
        });
    }

    @WithTransaction
    public Uni<TopicView> comment(Caller caller, UUID topicId, @Valid @NotNull NewComment input) {
        return topic(caller, topicId).chain(t -> {
            Uni<Void> parentOk = input.parentId() == null ? Uni.createFrom().voidItem()
                    : TopicComment.<TopicComment>findById(input.parentId()).invoke(p -> {
                        if (p == null || !p.topicId.equals(topicId)) {
                            throw ProblemException.invalid("parentId", "no such comment on this topic");
                        }
                    }).replaceWithVoid();
            TopicComment c = new TopicComment();
            c.id = UUID.randomUUID();
            c.topicId = topicId;
            c.parentId = input.parentId();
            c.author = caller.id();
            c.text = input.text().strip();
            c.createdAt = clock.instant();
            return parentOk.chain(() -> c.persist()).chain(() -> view(caller, t));
        });
    }

    @WithTransaction
    public Uni<TopicView> hide(Caller caller, UUID topicId, UUID commentId, @Valid @NotNull DeliberationApi.Reason why) {
        return topic(caller, topicId).chain(t -> TopicComment.<TopicComment>findById(commentId).chain(c -> {
            if (c == null || !c.topicId.equals(topicId)) {
                throw ProblemException.notFound("comment", commentId.toString());
            }
            c.hidden = true;
            c.hiddenReason = why.reason();
            return view(caller, t);
        }));
    }

    @WithTransaction
    public Uni<TopicView> support(Caller caller, UUID topicId) {
        return topic(caller, topicId).chain(t -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into topic_support (topic_id, resident_id) values (:t, :r) on conflict do nothing")
                .setParameter("t", topicId).setParameter("r", caller.id()).executeUpdate())
                .chain(() -> view(caller, t)));
    }

    /** Recurring complaints (same category, same building, recent, not yet in a topic), with the evidence. */
    @WithSession
    @SuppressWarnings("unchecked")
    public Uni<List<Suggestion>> suggestions(Caller caller) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select category, building, count(*), string_agg(id::text, ',' order by created_at)
                        from resident_request
                        where community_id = :c and building is not null and created_at >= :since
                          and status not in (:withdrawn, :rejected)
                          and id not in (select request_id from topic_request)
                        group by category, building having count(*) >= :size
                        order by count(*) desc, category, building""", Object[].class)
                .setParameter("c", caller.community())
                .setParameter("since", clock.instant().minus(config.clusterWindow()))
                .setParameter("size", (long) config.clusterSize())
                .setParameter("withdrawn", RequestStatus.WITHDRAWN.name())
                .setParameter("rejected", RequestStatus.REJECTED.name())
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Suggestion((String) row[0], (String) row[1],
                        ((Number) row[2]).longValue(),
                        Arrays.stream(((String) row[3]).split(",")).map(UUID::fromString).toList())).toList());
    }

    /**
     * Records the decision; each action item becomes a request the tracks carry out; linked requests resume; every
     * resident who voted or whose request was linked is told through {@code decision.made}.
     */
    @WithTransaction
    public Uni<TopicView> decide(Caller caller, UUID topicId, @Valid @NotNull NewDecision input) {
        return topic(caller, topicId).chain(t -> Decision.find("topicId", topicId).firstResult().chain(earlier -> {
            if (earlier != null || t.status == Topic.Status.DECIDED) {
                throw ProblemException.conflict("this topic is already decided");
            }
            Instant now = clock.instant();
            Decision decision = new Decision();
            decision.id = UUID.randomUUID();
            decision.topicId = topicId;
            decision.outcome = input.outcome();
            decision.summary = input.summary();
            decision.decidedBy = caller.id();
            decision.decidedAt = now;
            t.status = Topic.Status.DECIDED;
            Uni<Void> work = decision.persist().chain(() -> InOrder.each(input.actionItems(), item -> {
                NewRequest request = new NewRequest(item.category(), item.title() + " — " + t.title, item.building(),
                        null, null, item.building() == null && item.place() == null ? "estate" : item.place(), null,
                        null, "rounds", null, null, null, null);
                return intake.open(caller, request, null).chain(r -> {
                    ActionItem action = new ActionItem();
                    action.id = UUID.randomUUID();
                    action.decisionId = decision.id;
                    action.title = item.title();
                    action.requestId = r.id;
                    return action.persist();
                });
            }));
            return work.chain(() -> linkedRequests(topicId)).chain(linked -> {
                List<ResidentRequest> waiting = linked.stream()
                        .filter(r -> r.status == RequestStatus.IN_DELIBERATION).toList();
                Uni<Void> resumed = InOrder.each(waiting, r -> changes.move(r, RequestStatus.ACKNOWLEDGED, now,
                        caller.id(), "the deliberation hall decided: " + input.outcome()));
                return resumed.chain(() -> residentsToTell(topicId, linked)).chain(residents -> outbox.add(
                        new DecisionMade(t.communityId, t.id.toString(), t.title, input.outcome(),
                                linked.stream().map(r -> r.id.toString()).toList(), residents, now)))
                        .chain(() -> progress.publish(decision, now));
            }).chain(() -> view(caller, t));
        }));
    }

    private Uni<List<ResidentRequest>> linkedRequests(UUID topicId) {
        return requests.list("id in (select tr.requestId from TopicRequest tr where tr.topicId = ?1)", topicId);
    }

    @SuppressWarnings("unchecked")
    private Uni<List<String>> residentsToTell(UUID topicId, List<ResidentRequest> linked) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select distinct b.cast_by from ballot b join vote v on v.id = b.vote_id
                        where v.topic_id = :t and b.recorded_by is null""", String.class)
                .setParameter("t", topicId).getResultList())
                .map(voters -> {
                    Set<String> all = new LinkedHashSet<>(voters);
                    linked.stream().map(r -> r.residentId).filter(java.util.Objects::nonNull).forEach(all::add);
                    return List.copyOf(all);
                });
    }

    Uni<TopicView> view(Caller caller, Topic t) {
        return views(List.of(t)).map(vs -> vs.get(0));
    }

    /**
     * The views of some topics, in their order, read in six queries however many they are: supporters, linked
     * requests, the newest comments and the count of comments ({@link Discussion#shown}), votes, and decisions with
     * their action items and the status of each item's request.
     */
    private Uni<List<TopicView>> views(List<Topic> topics) {
        if (topics.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        IdList<UUID> ids = IdList.of(topics.stream().map(t -> t.id).toList());
        String in = ids.condition();
        Object bound = ids.bound();
        Map<UUID, Long> supporters = new HashMap<>();
        Map<UUID, List<UUID>> linked = new HashMap<>();
        Map<UUID, Discussion.Shown> discussions = new HashMap<>();
        Map<UUID, List<VoteSummary>> votes = new HashMap<>();
        Map<UUID, DecisionView> decisions = new HashMap<>();
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                                "select s.topicId, count(*) from TopicSupport s where s.topicId " + in
                                        + " group by s.topicId", Object[].class)
                        .setParameter("ids", bound).getResultList()
                        .invoke(rows -> rows.forEach(r -> supporters.put((UUID) r[0], ((Number) r[1]).longValue())))
                        .chain(() -> s.createSelectionQuery("select tr.topicId, tr.requestId from TopicRequest tr "
                                        + "join ResidentRequest r on r.id = tr.requestId where tr.topicId " + in
                                        + " order by r.createdAt, r.id", Object[].class)
                                .setParameter("ids", bound).getResultList())
                        .invoke(rows -> rows.forEach(r -> linked.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                                .add((UUID) r[1])))
                        .chain(() -> discussion.shown(s, ids))
                        .invoke(discussions::putAll)
                        .chain(() -> s.createSelectionQuery("from Vote where topicId " + in + " order by opensAt, id",
                                        Vote.class)
                                .setParameter("ids", bound).getResultList())
                        .invoke(rows -> rows.forEach(v -> votes.computeIfAbsent(v.topicId, k -> new ArrayList<>())
                                .add(VoteSummary.of(v))))
                        .chain(() -> s.createSelectionQuery("select d, a, r.status from Decision d "
                                        + "left join ActionItem a on a.decisionId = d.id "
                                        + "left join ResidentRequest r on r.id = a.requestId where d.topicId " + in
                                        + " order by a.title, a.id", Object[].class)
                                .setParameter("ids", bound).getResultList())
                        .invoke(rows -> decisions.putAll(decisions(rows))))
                .map(ignored -> topics.stream().map(t -> {
                    Discussion.Shown shown = discussions.getOrDefault(t.id, Discussion.Shown.NONE);
                    return new TopicView(t.id, t.title, t.description, t.buildingList(), t.status, t.proposedBy,
                            t.createdAt, supporters.getOrDefault(t.id, 0L), linked.getOrDefault(t.id, List.of()),
                            shown.newest(), shown.count(), votes.getOrDefault(t.id, List.of()), decisions.get(t.id));
                }).toList());
    }

    /**
     * The decisions by topic, from rows of (decision, action item or null, its request's status), the items in
     * order: each item done when its request is RESOLVED or CLOSED; a decision without items is done.
     */
    private static Map<UUID, DecisionView> decisions(List<Object[]> rows) {
        Map<UUID, Decision> decisions = new HashMap<>();
        Map<UUID, List<ActionItemView>> items = new HashMap<>();
        for (Object[] row : rows) {
            Decision d = (Decision) row[0];
            decisions.putIfAbsent(d.topicId, d);
            List<ActionItemView> own = items.computeIfAbsent(d.topicId, k -> new ArrayList<>());
            if (row[1] != null) {
                ActionItem a = (ActionItem) row[1];
                RequestStatus status = (RequestStatus) row[2];
                own.add(new ActionItemView(a.title, a.requestId, status.name(), DecisionProgress.done(status)));
            }
        }
        Map<UUID, DecisionView> views = new HashMap<>();
        decisions.forEach((topicId, d) -> {
            List<ActionItemView> own = items.get(topicId);
            long done = own.stream().filter(ActionItemView::done).count();
            int percent = own.isEmpty() ? 100 : (int) (100 * done / own.size());
            views.put(topicId, new DecisionView(d.outcome, d.summary, d.decidedAt, List.copyOf(own), percent,
                    done == own.size()));
        });
        return views;
    }
}
