package org.gongzhi.alliance.cases;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.gongzhi.alliance.estate.Estate;
import org.gongzhi.alliance.organisation.Membership;
import org.gongzhi.alliance.task.CaseRules;
import org.gongzhi.alliance.task.Task;
import org.gongzhi.alliance.task.TaskJournal;
import org.gongzhi.alliance.task.TaskRepository;
import org.gongzhi.alliance.task.TaskService;
import org.gongzhi.alliance.task.TaskView;
import org.gongzhi.events.CaseResolved;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskRole;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;

/** A request's alliance case as workers and partners see it, and what the parties' steps mean for it. */
@ApplicationScoped
public class CaseService implements CaseRules {
    private final CaseRepository cases;
    private final TaskRepository tasks;
    private final TaskService taskService;
    private final Membership membership;
    private final Estate estate;
    private final Assignments assignments;
    private final TaskJournal journal;
    private final Outbox outbox;
    private final Clock clock;

    CaseService(CaseRepository cases, TaskRepository tasks, TaskService taskService, Membership membership,
            Estate estate, Assignments assignments, TaskJournal journal, Outbox outbox, Clock clock) {
        this.cases = cases;
        this.tasks = tasks;
        this.taskService = taskService;
        this.membership = membership;
        this.estate = estate;
        this.assignments = assignments;
        this.journal = journal;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<CaseView> find(Caller caller, String requestId) {
        return cases.findCase(requestId).chain(c -> {
            // a partner serving several communities sees a case of any of them it has a task on
            if (c == null || !caller.serves(c.communityId)) {
                throw ProblemException.notFound("request", requestId);
            }
            return membership.actsIn(caller, c.communityId).chain(member -> tasks.ofRequest(requestId).chain(list -> {
                if (!member || !caller.staff() && list.stream().noneMatch(t -> t.isFor(caller))) {
                    throw ProblemException.notFound("request", requestId);
                }
                return estate.communities(List.of(c.communityId)).map(names -> CaseView.of(c, list, names));
            }));
        });
    }

    /** A worker brings another party onto an open request. */
    @WithTransaction
    public Uni<TaskView> addResponder(Caller caller, String requestId, @Valid @NotNull NewResponder input) {
        TaskRole role = input.role() == null ? TaskRole.SUPPORT : TaskRole.of(input.role());
        return openCase(caller, requestId)
                .chain(c -> taskService.knownOrganisation(caller, input.organisationId(), "organisationId")
                        .chain(() -> taskService.alreadyHolds(requestId, input.organisationId(), role, c.round))
                        .chain(() -> {
                            Instant now = clock.instant();
                            return assignments.assign(c, input.organisationId(), role, now,
                                    assignments.deadlinesForNewcomer(c, now), input.reason());
                        }))
                .map(TaskView::of);
    }

    @Override
    public Uni<Void> completed(Task task, Instant now) {
        return cases.findCase(task.requestId).chain(c -> resolveIfDone(c, now));
    }

    @Override
    public Uni<Void> declined(Task task, Instant now) {
        return cases.findCase(task.requestId).chain(c -> assignments.nextInLine(c).chain(next -> {
            if (next.isEmpty()) {
                return journal.escalated(task, 2, "every party in line declined; the community secretary must find "
                        + "one", now, null, null, TaskEscalated.NOTIFY_SECRETARY, null, null);
            }
            return assignments.assign(c, next.get(), task.role, now, assignments.deadlinesForNewcomer(c, now),
                    "passed on after " + task.organisationId + " declined").replaceWithVoid();
        }).chain(() -> resolveIfDone(c, now)));
    }

    /** The new party keeps the task's deadlines where they are still ahead, else a newcomer's. */
    @Override
    public Uni<Task> reassigned(Task task, String organisationId, String reason, Instant now) {
        return cases.findCase(task.requestId).chain(c -> {
            Deadlines newcomer = assignments.deadlinesForNewcomer(c, now);
            Instant acknowledgeBy = task.acknowledgeBy == null || task.acknowledgeBy.isBefore(now)
                    ? newcomer.acknowledgeBy() : task.acknowledgeBy;
            Instant completeBy = task.completeBy == null || task.completeBy.isBefore(acknowledgeBy)
                    ? newcomer.completeBy() : task.completeBy;
            return assignments.assign(c, organisationId, task.role, now, new Deadlines(acknowledgeBy, completeBy),
                    reason);
        });
    }

    /** The alliance track is done when every task of the round that was not cancelled or declined is completed. */
    private Uni<Void> resolveIfDone(AllianceCase c, Instant now) {
        if (c == null || !c.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        return tasks.ofRequest(c.requestId).chain(list -> !c.resolveIfDone(list, now) ? Uni.createFrom().voidItem()
                : outbox.add(new CaseResolved(c.communityId, c.requestId, c.counted(list).size(), now))
                        .replaceWithVoid());
    }

    private Uni<AllianceCase> openCase(Caller caller, String requestId) {
        return cases.findCase(requestId).map(c -> {
            if (c == null || !c.communityId.equals(caller.community())) {
                throw ProblemException.notFound("request", requestId);
            }
            if (!c.isOpen()) {
                throw ProblemException.conflict("request " + requestId + " is " + c.status + " with the alliance");
            }
            return c;
        });
    }
}
