package org.gongzhi.hall;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.gongzhi.events.DecisionProgressed;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.platform.outbox.Outbox;

/**
 * How far each decision's work has come: {@code decision.progressed} when a decision is made and whenever one of its
 * action items becomes done (its request RESOLVED or CLOSED) or stops being done (REOPENED), so the dashboard can show
 * it. Runs in the transaction of the status change: request-service tells the hall of every one ({@link #moved}).
 */
@ApplicationScoped
public class DecisionProgress {
    private static final Set<RequestStatus> DONE = Set.of(RequestStatus.RESOLVED, RequestStatus.CLOSED);

    private final Requests requests;
    private final Outbox outbox;

    DecisionProgress(Requests requests, Outbox outbox) {
        this.requests = requests;
        this.outbox = outbox;
    }

    static boolean done(RequestStatus status) {
        return DONE.contains(status);
    }

    /** A request moved from one status to another (as published) inside the current transaction. */
    public Uni<Void> moved(UUID requestId, RequestStatus from, RequestStatus to, Instant at) {
        if (done(from) == done(to)) {
            return Uni.createFrom().voidItem();
        }
        return ActionItem.<ActionItem>find("requestId", requestId).firstResult().chain(item -> item == null
                ? Uni.createFrom().voidItem()
                : Decision.<Decision>findById(item.decisionId).chain(decision -> publish(decision, at)));
    }

    /** Publishes the decision's counts as they stand in this transaction. */
    Uni<Void> publish(Decision decision, Instant at) {
        return Topic.<Topic>findById(decision.topicId).chain(topic -> ActionItem.<ActionItem>list("decisionId",
                        decision.id)
                .chain(items -> counts(items).chain(done -> outbox.add(new DecisionProgressed(topic.communityId,
                        topic.id.toString(), topic.title, items.size(), done, at)))))
                .replaceWithVoid();
    }

    private Uni<Integer> counts(List<ActionItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return requests.standing(items.stream().map(i -> i.requestId).filter(Objects::nonNull).toList())
                .map(standing -> (int) standing.values().stream().filter(r -> done(r.status())).count());
    }
}
