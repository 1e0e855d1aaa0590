package org.gongzhi.request.followup;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.events.FollowUpRecorded;
import org.gongzhi.events.RequestReopened;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.request.lifecycle.RequestRepository;
import org.gongzhi.request.lifecycle.RequestService;
import org.gongzhi.request.lifecycle.RequestStatus;
import org.gongzhi.request.lifecycle.RequestView;
import org.gongzhi.request.lifecycle.ResidentRequest;
import org.gongzhi.request.lifecycle.StatusChanges;

/** Return visits: solved and satisfied closes a request; anything else reopens it for the tracks. */
@ApplicationScoped
public class FollowUpService {
    private final RequestService reading;
    private final RequestRepository requests;
    private final StatusChanges changes;
    private final Outbox outbox;
    private final FollowUpConfig config;
    private final Clock clock;

    FollowUpService(RequestService reading, RequestRepository requests, StatusChanges changes, Outbox outbox,
            FollowUpConfig config, Clock clock) {
        this.reading = reading;
        this.requests = requests;
        this.changes = changes;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<DueFollowUp>> due(Caller caller) {
        Instant now = clock.instant();
        return requests.list("communityId = ?1 and status = ?2 order by resolvedAt", caller.community(),
                RequestStatus.RESOLVED).map(resolved -> resolved.stream().map(r -> {
                    Instant dueAt = r.resolvedAt.plus(config.dueAfter());
                    return new DueFollowUp(r.id, r.category, r.building, r.unit, r.household, r.resolvedAt, dueAt,
                            dueAt.isBefore(now));
                }).toList());
    }

    @WithTransaction
    public Uni<RequestView> record(Caller caller, UUID requestId, @Valid @NotNull NewFollowUp input) {
        return reading.visible(caller, requestId).chain(r -> {
            if (r.status != RequestStatus.RESOLVED) {
                throw ProblemException.conflict("a return visit needs a RESOLVED request; this one is " + r.status);
            }
            if (!caller.staff() && !"app".equals(input.method())) {
                throw ProblemException.invalid("method", "residents rate in the app: use method 'app'");
            }
            Instant now = clock.instant();
            ReturnVisit visit = new ReturnVisit();
            visit.id = UUID.randomUUID();
            visit.requestId = r.id;
            visit.method = input.method();
            visit.solved = input.solved();
            visit.satisfied = input.satisfied();
            visit.comment = input.comment();
            visit.visitedBy = caller.id();
            visit.visitedAt = now;
            boolean close = input.solved() && input.satisfied();
            return visit.persist()
                    .chain(() -> outbox.add(new FollowUpRecorded(r.communityId, r.id.toString(), input.method(),
                            input.solved(), input.satisfied(), now)))
                    .chain(() -> close ? changes.move(r, RequestStatus.CLOSED, now, caller.id(), "return visit: "
                            + "solved and satisfied") : reopen(r, now, caller, input));
        }).chain(() -> reading.find(caller, requestId));
    }

    private Uni<ResidentRequest> reopen(ResidentRequest r, Instant now, Caller caller, NewFollowUp input) {
        String reason = !input.solved() ? "return visit: not solved" : "return visit: resident not satisfied";
        r.tracksDone = "";
        r.resolvedAt = null;
        return changes.move(r, RequestStatus.REOPENED, now, caller.id(), reason)
                .call(() -> outbox.add(new RequestReopened(r.communityId, r.id.toString(), r.category, r.building,
                        r.trackList(), reason, now)));
    }
}
