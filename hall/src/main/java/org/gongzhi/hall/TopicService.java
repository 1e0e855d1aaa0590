package org.gongzhi.hall;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.events.DecisionMade;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.events.TopicOpened;
import org.gongzhi.hall.DeliberationApi.ActionItemView;
import org.gongzhi.hall.DeliberationApi.CommentView;
import org.gongzhi.hall.DeliberationApi.DecisionView;
import org.gongzhi.hall.DeliberationApi.NewComment;
import org.gongzhi.hall.DeliberationApi.NewDecision;
import org.gongzhi.hall.DeliberationApi.NewTopic;
import org.gongzhi.hall.DeliberationApi.Suggestion;
import org.gongzhi.hall.DeliberationApi.TopicView;
import org.gongzhi.hall.DeliberationApi.VoteSummary;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.api.PageQuery;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.persistence.IdList;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.reactive.InOrder;
import org.gongzhi.platform.security.Caller;

/** Topics of the deliberation hall: proposing, discussing, supporting, deciding and carrying out. */
@ApplicationScoped
public class TopicService {
    private final Requests requests;
    private final Estate estate;
    private final Outbox outbox;
    private final DeliberationConfig config;
    private final DecisionProgress progress;
    private final Discussion discussion;
    private final Clock clock;

    TopicService(Requests requests, Estate estate, Outbox outbox, DeliberationConfig config,
            DecisionProgress progress, Discussion discussion, Clock clock) {
        this.progress = progress;
        this.discussion = discussion;
        this.requests = requests;
        this.estate = estate;
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
        Uni<Void> checked = InOrder.each(buildings, building -> estate.hasBuilding(caller.community(), building)
                .invoke(known -> {
                    if (!known) {
                        throw ProblemException.invalid("buildings", "building '" + building + "' is not part of the estate");
                    }
                }));
        Uni<Void> linked = checked.chain(() -> topic.persist())
                .chain(() -> InOrder.each(requestIds, requestId -> requests.takeIn(caller, requestId, now,
                                "taken to the deliberation hall: " + topic.title)
                        .chain(() -> {
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
     * {@link #find} views it, in at most nine queries whatever the page holds: the total, the page, and the seven
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
    public Uni<List<Suggestion>> suggestions(Caller caller) {
        return requests.recurring(caller.community(), clock.instant().minus(config.clusterWindow()),
                config.clusterSize());
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
                return requests.open(caller, item.category(), item.title() + " — " + t.title, item.building(),
                        item.place())
                        .chain(requestId -> {
                            ActionItem action = new ActionItem();
                            action.id = UUID.randomUUID();
                            action.decisionId = decision.id;
                            action.title = item.title();
                            action.requestId = requestId;
                            return action.persist();
                        });
            }));
            return work.chain(() -> linkedRequests(topicId)).chain(linked -> {
                List<UUID> ids = linked.stream().map(Linked::id).toList();
                Uni<Void> resumed = ids.isEmpty() ? Uni.createFrom().voidItem() : requests.resume(caller, ids, now,
                        "the deliberation hall decided: " + input.outcome());
                return resumed.chain(() -> residentsToTell(topicId, linked)).chain(residents -> outbox.add(
                        new DecisionMade(t.communityId, t.id.toString(), t.title, input.outcome(),
                                ids.stream().map(UUID::toString).toList(), residents, now)))
                        .chain(() -> progress.publish(decision, now));
            }).chain(() -> view(caller, t));
        }));
    }

    /** A request a topic grew from, as it stands. */
    private record Linked(UUID id, Requests.Standing standing) {
    }

    /** The requests a topic grew from, in the order they were filed. */
    private Uni<List<Linked>> linkedRequests(UUID topicId) {
        return TopicRequest.<TopicRequest>list("topicId", topicId).chain(links -> {
            List<UUID> ids = links.stream().map(l -> l.requestId).toList();
            return ids.isEmpty() ? Uni.createFrom().item(List.<Linked>of()) : requests.standing(ids)
                    .map(standing -> ids.stream().filter(standing::containsKey)
                            .map(id -> new Linked(id, standing.get(id))).sorted(FILED).toList());
        });
    }

    private static final Comparator<Linked> FILED = Comparator.<Linked, Instant>comparing(l -> l.standing().createdAt())
            .thenComparing(Linked::id);

    @SuppressWarnings("unchecked")
    private Uni<List<String>> residentsToTell(UUID topicId, List<Linked> linked) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select distinct b.cast_by from ballot b join vote v on v.id = b.vote_id
                        where v.topic_id = :t and b.recorded_by is null""", String.class)
                .setParameter("t", topicId).getResultList())
                .map(voters -> {
                    Set<String> all = new LinkedHashSet<>(voters);
                    linked.stream().map(l -> l.standing().residentId()).filter(java.util.Objects::nonNull)
                            .forEach(all::add);
                    return List.copyOf(all);
                });
    }

    Uni<TopicView> view(Caller caller, Topic t) {
        return views(List.of(t)).map(vs -> vs.get(0));
    }

    /**
     * The views of some topics, in their order, read in seven queries however many they are: supporters, linked
     * requests, the newest comments and the count of comments ({@link Discussion#shown}), votes, decisions with
     * their action items, and where the linked and the items' requests stand ({@link Requests#standing}: the linked
     * ones in the order they were filed, each item's status).
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
        List<Object[]> decided = new ArrayList<>();
        Map<UUID, Requests.Standing> standing = new HashMap<>();
        Map<UUID, Discussion.Shown> discussions = new HashMap<>();
        Map<UUID, List<VoteSummary>> votes = new HashMap<>();
        Map<UUID, DecisionView> decisions = new HashMap<>();
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                                "select s.topicId, count(*) from TopicSupport s where s.topicId " + in
                                        + " group by s.topicId", Object[].class)
                        .setParameter("ids", bound).getResultList()
                        .invoke(rows -> rows.forEach(r -> supporters.put((UUID) r[0], ((Number) r[1]).longValue())))
                        .chain(() -> s.createSelectionQuery("select tr.topicId, tr.requestId from TopicRequest tr "
                                        + "where tr.topicId " + in, Object[].class)
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
                        .chain(() -> s.createSelectionQuery("select d, a from Decision d "
                                        + "left join ActionItem a on a.decisionId = d.id where d.topicId " + in
                                        + " order by a.title, a.id", Object[].class)
                                .setParameter("ids", bound).getResultList())
                        .invoke(decided::addAll)
                        .chain(() -> {
                            List<UUID> requestIds = new ArrayList<>();
                            linked.values().forEach(requestIds::addAll);
                            decided.stream().filter(row -> row[1] != null)
                                    .forEach(row -> requestIds.add(((ActionItem) row[1]).requestId));
                            return requestIds.isEmpty() ? Uni.createFrom().voidItem()
                                    : requests.standing(requestIds).invoke(standing::putAll).replaceWithVoid();
                        })
                        .invoke(() -> {
                            linked.values().forEach(requestIds -> requestIds.sort(filed(standing)));
                            decisions.putAll(decisions(decided, standing));
                        }))
                .map(ignored -> topics.stream().map(t -> {
                    Discussion.Shown shown = discussions.getOrDefault(t.id, Discussion.Shown.NONE);
                    return new TopicView(t.id, t.title, t.description, t.buildingList(), t.status, t.proposedBy,
                            t.createdAt, supporters.getOrDefault(t.id, 0L), linked.getOrDefault(t.id, List.of()),
                            shown.newest(), shown.count(), votes.getOrDefault(t.id, List.of()), decisions.get(t.id));
                }).toList());
    }

    /** Request ids in the order their requests were filed (the same moment: by id); one unknown goes last. */
    private static Comparator<UUID> filed(Map<UUID, Requests.Standing> standing) {
        return Comparator.<UUID, Instant>comparing(id -> standing.containsKey(id) ? standing.get(id).createdAt() : null,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Comparator.naturalOrder());
    }

    /**
     * The decisions by topic, from rows of (decision, action item or null), the items in order: each item done when
     * its request is RESOLVED or CLOSED; a decision without items is done.
     */
    private static Map<UUID, DecisionView> decisions(List<Object[]> rows, Map<UUID, Requests.Standing> standing) {
        Map<UUID, Decision> decisions = new HashMap<>();
        Map<UUID, List<ActionItemView>> items = new HashMap<>();
        for (Object[] row : rows) {
            Decision d = (Decision) row[0];
            decisions.putIfAbsent(d.topicId, d);
            List<ActionItemView> own = items.computeIfAbsent(d.topicId, k -> new ArrayList<>());
            if (row[1] != null) {
                ActionItem a = (ActionItem) row[1];
                RequestStatus status = standing.get(a.requestId).status();
                own.add(new ActionItemView(a.title, a.requestId, status.wire(), DecisionProgress.done(status)));
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
