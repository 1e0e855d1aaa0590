package org.gongzhi.notification.board;

import static org.gongzhi.notification.board.NativeUpdate.run;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gongzhi.events.DecisionMade;
import org.gongzhi.events.DecisionProgressed;
import org.gongzhi.events.TopicOpened;
import org.gongzhi.events.VoteClosed;
import org.gongzhi.events.VoteOpened;
import org.gongzhi.notification.projection.Projection;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * The deliberation hall on the dashboard, kept from the events: open topics, votes in progress (window, eligible
 * households) and how far each decision's action items are done. Order-tolerant (a topic's events share its key, and
 * a later step never goes back: a decided topic stays decided, a closed vote stays closed, a decision's progress only
 * moves to a newer report), so a replay gives the same tables.
 */
@ApplicationScoped
public class DeliberationBoard implements Projection {
    static final String SEPARATOR = "\u001f";

    @Override
    public Kind kind() {
        return Kind.READ_MODEL;
    }

    @Override
    public List<String> tables() {
        return List.of("topic_board", "vote_board");
    }

    @Override
    public void register(EventRoutes routes) {
        routes.on(TopicOpened.class, this::topicOpened)
                .on(VoteOpened.class, this::voteOpened)
                .on(VoteClosed.class, this::voteClosed)
                .on(DecisionMade.class, this::decided)
                .on(DecisionProgressed.class, this::progressed);
    }

    private Uni<Void> topicOpened(InboundEvent<TopicOpened> event) {
        TopicOpened t = event.data();
        return run("""
                insert into topic_board (topic_id, community_id, title, buildings, linked_requests, status,
                    opened_at)
                values (:id, :community, :title, :buildings, :linked, 'OPEN', :at)
                on conflict (topic_id) do update set title = coalesce(topic_board.title, excluded.title),
                    buildings = excluded.buildings, linked_requests = excluded.linked_requests,
                    opened_at = excluded.opened_at""",
                "id", t.topicId(), "community", t.communityId(), "title", t.title(),
                "buildings", join(t.buildings()),
                "linked", t.linkedRequestIds() == null ? 0 : t.linkedRequestIds().size(), "at", t.openedAt());
    }

    private Uni<Void> voteOpened(InboundEvent<VoteOpened> event) {
        VoteOpened v = event.data();
        return stub(v.topicId(), v.communityId()).chain(() -> run("""
                insert into vote_board (vote_id, topic_id, community_id, question, rule, options,
                    eligible_households, opens_at, closes_at, status)
                values (:id, :topic, :community, :question, :rule, :options, :eligible, :opens, :closes, 'OPEN')
                on conflict (vote_id) do update set question = excluded.question, rule = excluded.rule,
                    options = excluded.options, eligible_households = excluded.eligible_households,
                    opens_at = excluded.opens_at, closes_at = excluded.closes_at""",
                "id", v.voteId(), "topic", v.topicId(), "community", v.communityId(), "question", v.question(),
                "rule", v.rule(), "options", join(v.options()), "eligible", v.eligibleHouseholds(),
                "opens", v.opensAt(), "closes", v.closesAt()));
    }

    private Uni<Void> voteClosed(InboundEvent<VoteClosed> event) {
        VoteClosed v = event.data();
        return stub(v.topicId(), v.communityId()).chain(() -> run("""
                insert into vote_board (vote_id, topic_id, community_id, rule, eligible_households,
                    participating_households, status, outcome, winning_option, closed_at)
                values (:id, :topic, :community, :rule, :eligible, :participating, 'CLOSED', :outcome, :winner,
                    :at)
                on conflict (vote_id) do update set status = 'CLOSED', outcome = excluded.outcome,
                    winning_option = excluded.winning_option,
                    eligible_households = excluded.eligible_households,
                    participating_households = excluded.participating_households,
                    closed_at = excluded.closed_at""",
                "id", v.voteId(), "topic", v.topicId(), "community", v.communityId(), "rule", v.rule(),
                "eligible", v.eligibleHouseholds(), "participating", v.participatingHouseholds(),
                "outcome", v.outcome(), "winner", v.winningOption(), "at", v.closedAt()));
    }

    private Uni<Void> decided(InboundEvent<DecisionMade> event) {
        DecisionMade d = event.data();
        return run("""
                insert into topic_board (topic_id, community_id, title, linked_requests, status, outcome,
                    decided_at)
                values (:id, :community, :title, :linked, 'DECIDED', :outcome, :at)
                on conflict (topic_id) do update set status = 'DECIDED', title = excluded.title,
                    outcome = excluded.outcome, decided_at = excluded.decided_at""",
                "id", d.topicId(), "community", d.communityId(), "title", d.title(),
                "linked", d.linkedRequestIds() == null ? 0 : d.linkedRequestIds().size(),
                "outcome", d.outcome(), "at", d.decidedAt());
    }

    private Uni<Void> progressed(InboundEvent<DecisionProgressed> event) {
        DecisionProgressed p = event.data();
        // the newest report wins: a redelivered or older one changes nothing
        return run("""
                insert into topic_board (topic_id, community_id, title, status, action_items_total,
                    action_items_done, progressed_at)
                values (:id, :community, :title, 'DECIDED', :total, :done, :at)
                on conflict (topic_id) do update set status = 'DECIDED',
                    title = coalesce(topic_board.title, excluded.title),
                    action_items_total = excluded.action_items_total,
                    action_items_done = excluded.action_items_done, progressed_at = excluded.progressed_at
                where topic_board.progressed_at is null or topic_board.progressed_at <= excluded.progressed_at""",
                "id", p.topicId(), "community", p.communityId(), "title", p.title(),
                "total", p.actionItemsTotal(), "done", p.actionItemsDone(), "at", p.progressedAt());
    }

    /** A vote read before its topic (another run of the same log) keeps a stub the topic fills in. */
    private static Uni<Void> stub(String topicId, String community) {
        return run("""
                insert into topic_board (topic_id, community_id, status) values (:id, :community, 'OPEN')
                on conflict (topic_id) do nothing""", "id", topicId, "community", community);
    }

    static String join(List<String> values) {
        return values == null ? null : String.join(SEPARATOR, values);
    }

    static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split(SEPARATOR));
    }
}
