package org.gongzhi.request.history;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.events.FollowUpRecorded;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.request.followup.ReturnVisit;
import org.gongzhi.request.lifecycle.NewRequest;
import org.gongzhi.request.lifecycle.RequestService;
import org.gongzhi.request.lifecycle.RequestView;
import org.gongzhi.request.lifecycle.RequestStatus;
import org.gongzhi.request.lifecycle.ResidentRequest;
import org.gongzhi.request.lifecycle.StatusChanges;

/**
 * Imports a community's finished requests from its earlier records (a paper register, the 12345 platform), each with
 * the times it really went through: received, work started, resolved, and the return visit that closed it. Every step
 * goes through the one state machine and publishes its ordinary event carrying the historical time, so the dashboard's
 * rates and trend count them on the days they happened. Nobody is given work: the import's {@code request.submitted}
 * names no tracks and the record names no resident to notify. The same record (source + reference) is imported once.
 */
@ApplicationScoped
public class HistoryImport {
    private final RequestService intake;
    private final StatusChanges changes;
    private final Outbox outbox;
    private final Clock clock;

    HistoryImport(RequestService intake, StatusChanges changes, Outbox outbox, Clock clock) {
        this.intake = intake;
        this.changes = changes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Stores the record as a RESOLVED request (CLOSED when it has its return visit). */
    @WithTransaction
    public Uni<RequestView> importPast(Caller caller, @Valid @NotNull PastRequest past) {
        checkTimes(past);
        String from = "imported from " + past.source() + " " + past.reference();
        NewRequest input = new NewRequest(past.category(), past.description(), past.building(), past.unit(),
                past.household(), past.place(), past.urgency(), null, past.channel(),
                past.source().equals("hotline-12345") ? past.reference() : null, null, null, null, null, past.receivedAt());
        return intake.openPast(caller, input)
                .chain(r -> remember(caller, past, r.id).replaceWith(r))
                .invoke(r -> r.respondedAt = past.respondedAt())
                .chain(r -> changes.move(r, RequestStatus.IN_PROGRESS, past.respondedAt(), caller.id(), from))
                .chain(r -> changes.move(r, RequestStatus.RESOLVED, past.resolvedAt(), caller.id(), from))
                .chain(r -> past.returnVisit() == null ? Uni.createFrom().item(r) : visit(caller, r, past, from))
                .chain(r -> intake.find(caller, r.id));
    }

    /** The natural key first: a record imported before is refused (409) naming the request it became. */
    private Uni<Void> remember(Caller caller, PastRequest past, UUID requestId) {
        // the request row first (a native statement does not flush it), then the key that names it
        return Panache.getSession().chain(s -> s.flush().chain(() -> s.createNativeQuery("""
                        insert into imported_request (community_id, source, reference, request_id, imported_by,
                            imported_at)
                        values (:community, :source, :reference, :request, :by, :at) on conflict do nothing""")
                .setParameter("community", caller.community()).setParameter("source", past.source())
                .setParameter("reference", past.reference()).setParameter("request", requestId)
                .setParameter("by", caller.id()).setParameter("at", clock.instant())
                .executeUpdate()))
                .chain(inserted -> inserted == 1 ? Uni.createFrom().voidItem()
                        : ImportedRequest.<ImportedRequest>findById(new ImportedRequest.Key(caller.community(),
                                past.source(), past.reference())).map(earlier -> {
                                    throw ProblemException.conflict(past.source() + " " + past.reference()
                                            + " was imported already, as request " + earlier.requestId);
                                }));
    }

    private Uni<ResidentRequest> visit(Caller caller, ResidentRequest r, PastRequest past, String from) {
        PastRequest.PastReturnVisit v = past.returnVisit();
        ReturnVisit visit = new ReturnVisit();
        visit.id = UUID.randomUUID();
        visit.requestId = r.id;
        visit.method = v.method();
        visit.solved = v.solved();
        visit.satisfied = v.satisfied();
        visit.comment = v.comment();
        visit.visitedBy = caller.id();
        visit.visitedAt = v.visitedAt();
        // the record ended there, whatever the answers: an unsatisfied resident of the past is counted, not reopened
        return visit.persist()
                .chain(() -> outbox.add(new FollowUpRecorded(r.communityId, r.id.toString(), v.method(), v.solved(),
                        v.satisfied(), v.visitedAt())))
                .chain(() -> changes.move(r, RequestStatus.CLOSED, v.visitedAt(), caller.id(), from
                        + "; return visit: " + (v.solved() ? "solved" : "not solved") + ", "
                        + (v.satisfied() ? "satisfied" : "not satisfied")));
    }

    /** Received, responded, resolved and visited happened in that order, and before now. */
    private void checkTimes(PastRequest past) {
        Instant now = clock.instant();
        if (past.respondedAt().isBefore(past.receivedAt())) {
            throw ProblemException.invalid("respondedAt", "is before receivedAt");
        }
        if (past.resolvedAt().isBefore(past.respondedAt())) {
            throw ProblemException.invalid("resolvedAt", "is before respondedAt");
        }
        if (past.resolvedAt().isAfter(now)) {
            throw ProblemException.invalid("resolvedAt", "is in the future: import finished requests only");
        }
        if (past.returnVisit() != null && past.returnVisit().visitedAt() != null) {
            if (past.returnVisit().visitedAt().isBefore(past.resolvedAt())) {
                throw ProblemException.invalid("returnVisit.visitedAt", "is before resolvedAt");
            }
            if (past.returnVisit().visitedAt().isAfter(now)) {
                throw ProblemException.invalid("returnVisit.visitedAt", "is in the future");
            }
        }
    }
}
