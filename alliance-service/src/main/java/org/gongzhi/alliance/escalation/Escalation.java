package org.gongzhi.alliance.escalation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.gongzhi.alliance.meeting.MeetingService;
import org.gongzhi.alliance.meeting.NewMeeting;
import org.gongzhi.alliance.task.Task;
import org.gongzhi.alliance.task.TaskJournal;
import org.gongzhi.alliance.task.TaskRepository;
import org.gongzhi.alliance.organisation.OrganisationService;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.platform.reactive.Backlog;
import org.gongzhi.platform.reactive.InOrder;
import org.jboss.logging.Logger;

/**
 * Watches the deadlines. A missed acknowledge deadline climbs the ladder one level at a time (backup contact,
 * community secretary, joint "whistle" meeting), each step a {@code gongzhi.task.escalated.v1}; a missed completion
 * deadline marks the task overdue and tells the secretary.
 */
@ApplicationScoped
public class Escalation {
    private static final Logger LOG = Logger.getLogger(Escalation.class);
    static final int WHISTLE = 3;
    /** How many due tasks one transaction escalates. */
    static final int CHUNK = 200;

    private final TaskRepository tasks;
    private final TaskJournal journal;
    private final OrganisationService organisations;
    private final EscalationConfig config;
    private final MeetingService meetings;
    private final Clock clock;

    Escalation(TaskRepository tasks, TaskJournal journal, OrganisationService organisations,
            EscalationConfig config, MeetingService meetings, Clock clock) {
        this.meetings = meetings;
        this.tasks = tasks;
        this.journal = journal;
        this.organisations = organisations;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "escalation", every = "${gongzhi.escalation.check-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return check().onFailure().invoke(e -> LOG.warnf("escalation check failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Fires every step that is due now; returns how many escalations and overdue marks were made. The due tasks are
     * read and escalated {@link #CHUNK} at a time, each chunk its own transaction ({@link Backlog}).
     */
    public Uni<Integer> check() {
        Instant now = clock.instant();
        AtomicInteger made = new AtomicInteger();
        return Backlog.work(CHUNK, () -> tasks.dueForEscalation(now.minus(config.after(1)),
                        now.minus(config.after(2)), now.minus(config.after(3)), CHUNK), t -> climb(t, now, made))
                .chain(() -> Backlog.work(CHUNK, () -> tasks.pastCompletion(now, CHUNK),
                        t -> markOverdue(t, now, made)))
                .replaceWith(made::get);
    }

    private Uni<Void> climb(Task t, Instant now, AtomicInteger made) {
        List<Integer> due = new ArrayList<>();
        for (int level = t.escalationLevel + 1; level <= WHISTLE; level++) {
            if (now.isBefore(t.acknowledgeBy.plus(config.after(level)))) {
                break;
            }
            due.add(level);
        }
        return InOrder.each(due, step -> {
            t.escalationLevel = step;
            t.updatedAt = now;
            made.incrementAndGet();
            String missed = "not acknowledged by " + t.acknowledgeBy;
            return switch (step) {
                case 1 -> backup(t, now).chain(backup -> journal.escalated(t, 1, missed + "; " + backup
                                .map(b -> "backup contact " + b.contactName() + " of " + t.organisationId + " notified")
                                .orElse("no backup on the rota now; " + t.organisationId + "'s contacts notified"),
                        now, TaskEscalated.MISSED_ACKNOWLEDGE, t.acknowledgeBy, TaskEscalated.NOTIFY_BACKUP,
                        backup.map(WarningIssued.OnDuty::contactId).orElse(null),
                        backup.map(WarningIssued.OnDuty::contactName).orElse(null)));
                case 2 -> journal.escalated(t, 2, missed + "; " + config.secretary() + " notified", now,
                        TaskEscalated.MISSED_ACKNOWLEDGE, t.acknowledgeBy, TaskEscalated.NOTIFY_SECRETARY, null,
                        null);
                default -> whistle(t, missed, now);
            };
        });
    }

    /** The backup contact of the shift on duty now, by id and name (an organisation's contact), if there is one. */
    private Uni<Optional<WarningIssued.OnDuty>> backup(Task t, Instant now) {
        return organisations.onDuty(t.communityId, List.of(t.organisationId), now)
                .map(onDuty -> onDuty.stream().filter(d -> "backup".equals(d.shift())).findFirst());
    }

    /**
     * The whistle is one event, but every party of the request sees it in its feed; and it convenes the round's joint
     * meeting (once, however many parties reach the whistle), which every party sees in its feed too.
     */
    private Uni<Void> whistle(Task t, String missed, Instant now) {
        return tasks.ofRequest(t.requestId).chain(all -> {
            String reason = missed + "; joint meeting (吹哨报到) convened with " + all.stream()
                    .filter(x -> x.status.isOpen() || x.status == TaskStatus.COMPLETED)
                    .map(x -> x.organisationId).distinct().collect(Collectors.joining(", "));
            List<Task> round = all.stream().filter(x -> x.round == t.round
                    && x.status != TaskStatus.CANCELLED && x.status != TaskStatus.DECLINED).toList();
            List<String> parties = round.stream()
                    .sorted(Comparator.comparing((Task x) -> !x.isLead()))
                    .map(x -> x.organisationId).distinct().toList();
            String lead = round.stream().filter(Task::isLead).map(x -> x.organisationId)
                    .findFirst().orElse(t.organisationId);
            Map<String, String> names = round.stream().filter(x -> x.organisationName != null)
                    .collect(Collectors.toMap(x -> x.organisationId, x -> x.organisationName, (a, b) -> a));
            return journal.escalated(t, WHISTLE, reason, now, TaskEscalated.MISSED_ACKNOWLEDGE, t.acknowledgeBy,
                            TaskEscalated.NOTIFY_WHISTLE, parties)
                    .chain(() -> meetings.convene(new NewMeeting(t.communityId, t.requestId, t.round, t.id,
                            t.category, t.building, lead, parties, names, TaskEscalated.MISSED_ACKNOWLEDGE,
                            t.acknowledgeBy),
                            now))
                    .chain(convened -> convened == null ? Uni.createFrom().voidItem()
                            : journal.feed(parties, now, convened));
        });
    }

    private Uni<Void> markOverdue(Task t, Instant now, AtomicInteger made) {
        t.overdue = true;
        t.updatedAt = now;
        made.incrementAndGet();
        return journal.escalated(t, 2, "overdue: not completed by " + t.completeBy + "; " + config.secretary()
                + " notified", now, TaskEscalated.MISSED_COMPLETE, t.completeBy, TaskEscalated.NOTIFY_SECRETARY, null,
                null);
    }
}
