package org.gongzhi.alliance.task;

import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.platform.api.Page;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.alliance.estate.Estate;
import org.gongzhi.platform.persistence.IdList;
import org.gongzhi.alliance.organisation.Membership;
import org.gongzhi.alliance.organisation.OrganisationRepository;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.Caller;

/** What partners and workers do with tasks; every change is an event on gongzhi.tasks. */
@ApplicationScoped
public class TaskService {
    private final TaskRepository tasks;
    private final CaseRules cases;
    private final TaskJournal journal;
    private final OrganisationRepository organisations;
    private final Membership membership;
    private final Estate estate;
    private final Clock clock;

    TaskService(TaskRepository tasks, CaseRules cases, TaskJournal journal, OrganisationRepository organisations,
            Membership membership, Estate estate, Clock clock) {
        this.membership = membership;
        this.estate = estate;
        this.tasks = tasks;
        this.cases = cases;
        this.journal = journal;
        this.organisations = organisations;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<TaskView> find(Caller caller, UUID id) {
        return owned(caller, id).chain(this::shown);
    }

    /**
     * Staff search their community's tasks; a partner its organisation's, in every community its token serves and
     * the organisation is registered in — and in the token's own community as ever (the office's tasks are made
     * before it is registered).
     */
    @WithTransaction
    public Uni<Page<TaskView>> search(Caller caller, String organisationId, @Valid @NotNull TaskSearch search) {
        String organisation = caller.staff() ? organisationId : caller.org();
        return membership.communities(caller)
                .chain(communities -> searchIn(search.narrow(communities), organisation, search))
                .chain(this::shownAll);
    }

    /** A community asked for that the caller does not act in has no tasks for it: an empty page, not a query. */
    private Uni<Page<Task>> searchIn(List<String> communities, String organisationId, TaskSearch search) {
        if (communities.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), search.page, search.size(), 0));
        }
        return tasks.search(IdList.of(communities), organisationId, search);
    }

    private Uni<Page<TaskView>> shownAll(Page<Task> page) {
        return estate.communities(page.items().stream().map(t -> t.communityId).distinct().toList())
                .map(names -> page.map(t -> TaskView.of(t, names)));
    }

    private Uni<TaskView> shown(Task t) {
        return estate.communities(List.of(t.communityId)).map(names -> TaskView.of(t, names));
    }

    @WithTransaction
    public Uni<TaskView> acknowledge(Caller caller, UUID id, @Valid TaskNote note) {
        return step(caller, id, TaskStatus.ACKNOWLEDGED, text(note));
    }

    @WithTransaction
    public Uni<TaskView> progress(Caller caller, UUID id, @Valid TaskNote note) {
        return step(caller, id, TaskStatus.IN_PROGRESS, text(note));
    }

    @WithTransaction
    public Uni<TaskView> complete(Caller caller, UUID id, @Valid TaskNote note) {
        return owned(caller, id).chain(t -> {
            Instant now = clock.instant();
            t.moveTo(TaskStatus.COMPLETED, now, text(note));
            return journal.changed(t, text(note), now)
                    .chain(() -> cases.completed(t, now))
                    .chain(() -> shown(t));
        });
    }

    /** The party gives the task back with a reason; the next party in line gets it. */
    @WithTransaction
    public Uni<TaskView> decline(Caller caller, UUID id, @Valid TaskNote note) {
        String reason = text(note);
        if (reason == null) {
            throw ProblemException.invalid("note", "give the reason for declining");
        }
        return owned(caller, id).chain(t -> {
            Instant now = clock.instant();
            t.moveTo(TaskStatus.DECLINED, now, reason);
            return journal.changed(t, reason, now)
                    .chain(() -> cases.declined(t, now))
                    .chain(() -> shown(t));
        });
    }

    /** A worker gives an open task to another party: this one is cancelled, the other gets a new one. */
    @WithTransaction
    public Uni<TaskView> reassign(Caller caller, UUID id, @Valid @NotNull Reassignment input) {
        return owned(caller, id).chain(t -> knownOrganisation(caller, input.organisationId(), "organisationId")
                .chain(() -> {
                    if (!t.status.isOpen()) {
                        throw ProblemException.conflict("task " + id + " is " + t.status + " and cannot be "
                                + "reassigned");
                    }
                    if (t.organisationId.equals(input.organisationId())) {
                        throw ProblemException.invalid("organisationId", "the task is already theirs");
                    }
                    return alreadyHolds(t.requestId, input.organisationId(), t.role, t.round);
                })
                .chain(() -> {
                    Instant now = clock.instant();
                    String note = "reassigned to " + input.organisationId() + ": " + input.reason();
                    t.moveTo(TaskStatus.CANCELLED, now, note);
                    return journal.changed(t, note, now)
                            .chain(() -> cases.reassigned(t, input.organisationId(), input.reason(), now));
                }))
                .chain(this::shown);
    }

    /** A worker moves a task's deadlines; escalation and the overdue mark start over against the new ones. */
    @WithTransaction
    public Uni<TaskView> changeDeadline(Caller caller, UUID id, @Valid @NotNull DeadlineChange input) {
        if (input.acknowledgeBy() == null && input.completeBy() == null) {
            throw ProblemException.invalid("completeBy", "give a new acknowledgeBy, completeBy or both");
        }
        Instant now = clock.instant();
        if (input.acknowledgeBy() != null && !input.acknowledgeBy().isAfter(now)) {
            throw ProblemException.invalid("acknowledgeBy", "is in the past");
        }
        if (input.completeBy() != null && !input.completeBy().isAfter(now)) {
            throw ProblemException.invalid("completeBy", "is in the past");
        }
        return owned(caller, id).chain(t -> {
            if (!t.status.isOpen()) {
                throw ProblemException.conflict("task " + id + " is " + t.status + "; its deadlines are history");
            }
            Instant acknowledgeBy = input.acknowledgeBy() != null ? input.acknowledgeBy() : t.acknowledgeBy;
            Instant completeBy = input.completeBy() != null ? input.completeBy() : t.completeBy;
            if (acknowledgeBy != null && completeBy != null && completeBy.isBefore(acknowledgeBy)) {
                throw ProblemException.invalid("completeBy", "is before the acknowledge deadline");
            }
            t.acknowledgeBy = acknowledgeBy;
            t.completeBy = completeBy;
            if (input.acknowledgeBy() != null) {
                t.escalationLevel = 0;
            }
            if (input.completeBy() != null) {
                t.overdue = false;
            }
            t.updatedAt = now;
            String note = "deadlines changed (acknowledge by " + acknowledgeBy + ", complete by " + completeBy
                    + "): " + input.reason();
            t.note = note;
            return journal.deadlineChanged(t, input.reason().strip(), now).chain(() -> shown(t));
        });
    }

    private Uni<TaskView> step(Caller caller, UUID id, TaskStatus next, String note) {
        return owned(caller, id).chain(t -> {
            Instant now = clock.instant();
            t.moveTo(next, now, note);
            return journal.changed(t, note, now).chain(() -> shown(t));
        });
    }

    /**
     * The task if the caller may see it; 404 otherwise, so other organisations' tasks are not revealed. A partner's
     * task in another community than its token's own is its only while the organisation serves that community.
     */
    private Uni<Task> owned(Caller caller, UUID id) {
        return tasks.findById(id).chain(t -> {
            if (t == null || !t.isFor(caller)) {
                throw ProblemException.notFound("task", id.toString());
            }
            return membership.actsIn(caller, t.communityId).map(member -> {
                if (!member) {
                    throw ProblemException.notFound("task", id.toString());
                }
                return t;
            });
        });
    }

    /** Refuses (400 naming {@code field}) an organisation that is not a member of the caller's community. */
    public Uni<Void> knownOrganisation(Caller caller, String organisationId, String field) {
        return organisations.find(caller.community(), organisationId).map(o -> {
            if (o == null) {
                throw ProblemException.invalid(field, "unknown organisation '" + organisationId + "'");
            }
            return null;
        });
    }

    /** Refuses (409) a party that already had a task of that role on the request in that round. */
    public Uni<Void> alreadyHolds(String requestId, String organisationId, TaskRole role, int round) {
        return tasks.holds(requestId, organisationId, role, round).map(held -> {
            if (held) {
                throw ProblemException.conflict(organisationId + " already had a " + role + " task on request "
                        + requestId + " in this round");
            }
            return null;
        });
    }

    private static String text(TaskNote note) {
        return note == null || note.note() == null || note.note().isBlank() ? null : note.note().strip();
    }
}
