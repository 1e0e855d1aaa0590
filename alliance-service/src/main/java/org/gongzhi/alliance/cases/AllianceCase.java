package org.gongzhi.alliance.cases;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongzhi.alliance.task.Task;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;

/**
 * A request the alliance works on, kept so declines, reopenings and withdrawals can be routed later. It owns its
 * state: {@code OPEN → RESOLVED | CANCELLED}; taken up again from RESOLVED or CANCELLED; a new round of a reopened
 * request from any state; a regrouping only while OPEN. A transition the state does not allow is refused with
 * {@link IllegalStateException} (callers check first: a refusal is a bug, not a user's mistake).
 */
@Entity
@Table(name = "alliance_case")
public class AllianceCase extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "community_id")
    public String communityId;
    public String category;
    public String building;
    @Column(name = "respond_by")
    public Instant respondBy;
    @Column(name = "resolve_by")
    public Instant resolveBy;
    public int round;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The one way a case is made: open, in round 1, with the deadlines given. */
    public static AllianceCase open(String communityId, String requestId, String category, String building,
            Deadlines deadlines, Instant now) {
        AllianceCase c = new AllianceCase();
        c.requestId = requestId;
        c.communityId = communityId;
        c.category = category;
        c.building = building;
        c.openedAt = now;
        c.respondBy = deadlines.acknowledgeBy();
        c.resolveBy = deadlines.completeBy();
        c.round = 1;
        c.status = CaseStatus.OPEN;
        return c;
    }

    /** The current round's deadlines. */
    public Deadlines deadlines() {
        return new Deadlines(respondBy, resolveBy);
    }

    /** The tasks of the current round that count towards its resolution: neither cancelled nor declined. */
    public List<Task> counted(List<Task> tasks) {
        return tasks.stream().filter(t -> t.round == round)
                .filter(t -> t.status != TaskStatus.CANCELLED && t.status != TaskStatus.DECLINED).toList();
    }

    /**
     * Resolves an open case whose round is done: every task of the round that counts is COMPLETED (and there is at
     * least one). Whether it resolved now; a case not open is left as it is.
     */
    public boolean resolveIfDone(List<Task> tasks, Instant now) {
        List<Task> counted = counted(tasks);
        if (!isOpen() || counted.isEmpty() || counted.stream().anyMatch(t -> t.status != TaskStatus.COMPLETED)) {
            return false;
        }
        resolve(now);
        return true;
    }

    /** The party that led the current round: its latest LEAD task neither declined nor cancelled, if any. */
    public Optional<String> leadOfRound(List<Task> tasks) {
        return tasks.stream().filter(t -> t.isLead() && t.round == round)
                .filter(t -> t.status != TaskStatus.DECLINED && t.status != TaskStatus.CANCELLED)
                .map(t -> t.organisationId).reduce((a, b) -> b);
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    public boolean is(CaseStatus s) {
        return status == s;
    }

    /**
     * A new round opened now, with the deadlines given: a reopened request (whatever the case's state), a hand-over
     * after the case was resolved.
     */
    public void newRound(Deadlines deadlines, Instant now) {
        round = round + 1;
        status = CaseStatus.OPEN;
        resolvedAt = null;
        openedAt = now;
        respondBy = deadlines.acknowledgeBy();
        resolveBy = deadlines.completeBy();
    }

    /**
     * A resolved or cancelled case taken up again (a merge undone, the alliance track added back): a new round with
     * the request's deadlines where they are still ahead, fresh ones of the same length where they have passed.
     */
    public void takeUpAgain(Instant now, Windows fallback) {
        require(EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CANCELLED), "taken up again");
        Deadlines deadlines = deadlinesStillAhead(now, fallback);
        round = round + 1;
        status = CaseStatus.OPEN;
        resolvedAt = null;
        respondBy = deadlines.acknowledgeBy();
        resolveBy = deadlines.completeBy();
    }

    /** A re-triage changed the parties of an open case: a new round that the tasks kept join. */
    public void regroup() {
        require(EnumSet.of(CaseStatus.OPEN), "regrouped");
        round = round + 1;
    }

    /** Every task of the round that counts is completed. */
    public void resolve(Instant now) {
        require(EnumSet.of(CaseStatus.OPEN), "resolved");
        status = CaseStatus.RESOLVED;
        resolvedAt = now;
    }

    /** The request ended, or the alliance is no longer needed, while the case was open. */
    public void cancel() {
        require(EnumSet.of(CaseStatus.OPEN), "cancelled");
        status = CaseStatus.CANCELLED;
    }

    /** The request's deadlines changed (a re-triage): the current round runs against them. */
    public void retime(String newCategory, Instant newRespondBy, Instant newResolveBy) {
        category = newCategory;
        respondBy = newRespondBy;
        resolveBy = newResolveBy;
    }

    /**
     * The round's windows: from its opening to its deadlines, or the limits given where a deadline is missing or
     * not after the opening.
     */
    public Windows windows(Windows fallback) {
        return new Windows(window(openedAt, respondBy, fallback.acknowledgeWithin()),
                window(openedAt, resolveBy, fallback.completeWithin()));
    }

    /** Fresh deadlines of the same length as this round's, from now. */
    public Deadlines freshDeadlines(Instant now, Windows fallback) {
        return Deadlines.from(now, windows(fallback));
    }

    /** This round's deadlines where they are still ahead; a passed one is replaced by a fresh one of its length. */
    public Deadlines deadlinesStillAhead(Instant now, Windows fallback) {
        Deadlines fresh = freshDeadlines(now, fallback);
        return new Deadlines(respondBy == null || !respondBy.isAfter(now) ? fresh.acknowledgeBy() : respondBy,
                resolveBy == null || !resolveBy.isAfter(now) ? fresh.completeBy() : resolveBy);
    }

    /**
     * Deadlines for a party joining the current round now: a fresh acknowledge window of the round's length; the
     * round's completion, unless it is missing or comes before that acknowledgement (then a full completion window
     * after it).
     */
    public Deadlines deadlinesForNewcomer(Instant now, Windows fallback) {
        Instant acknowledgeBy = now.plus(window(openedAt, respondBy, fallback.acknowledgeWithin()));
        Instant completeBy = resolveBy == null || resolveBy.isBefore(acknowledgeBy)
                ? acknowledgeBy.plus(fallback.completeWithin()) : resolveBy;
        return new Deadlines(acknowledgeBy, completeBy);
    }

    private void require(Set<CaseStatus> allowed, String what) {
        if (!allowed.contains(status)) {
            throw new IllegalStateException("the alliance case of request " + requestId + " is " + status
                    + " and cannot be " + what);
        }
    }

    private static Duration window(Instant from, Instant to, Duration fallback) {
        if (from == null || to == null || !to.isAfter(from)) {
            return fallback;
        }
        return Duration.between(from, to);
    }
}
