package org.gongzhi.request.progress;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.gongzhi.events.CaseResolved;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.request.request.RequestRepository;
import org.gongzhi.request.request.RequestStatus;
import org.gongzhi.request.request.ResidentRequest;
import org.gongzhi.request.request.StatusChanges;
import org.gongzhi.request.request.TimelineEntry;
import org.gongzhi.request.request.TrackTask;
import org.jboss.logging.Logger;

/**
 * Keeps each request's status and timeline in step with what its tracks report. Runs inside the consumer's
 * transaction; events that arrive twice or late never move a request backwards.
 */
@ApplicationScoped
public class TrackProgress {
    private static final Logger LOG = Logger.getLogger(TrackProgress.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final RequestRepository requests;
    private final StatusChanges changes;

    TrackProgress(RequestRepository requests, StatusChanges changes) {
        this.requests = requests;
        this.changes = changes;
    }

    public Uni<Void> taskAssigned(InboundEvent<TaskAssigned> event) {
        TaskAssigned task = event.data();
        return request(task.requestId()).chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            return requests.task(task.taskId()).chain(existing -> {
                TrackTask projection = existing != null ? existing : new TrackTask();
                projection.taskId = task.taskId();
                projection.requestId = r.id;
                projection.organisationId = task.organisationId();
                projection.organisationName = task.organisationName();
                projection.role = task.role();
                if (existing == null) {
                    projection.status = "ASSIGNED";
                    projection.updatedAt = task.assignedAt();
                }
                String text = (task.organisationName() == null ? task.organisationId() : task.organisationName())
                        + (TaskAssigned.ROLE_LEAD.equals(task.role()) ? " leads" : " supports")
                        + " the work; respond by " + HOUR.format(task.acknowledgeBy())
                        + ", complete by " + HOUR.format(task.completeBy());
                return projection.<TrackTask>persist()
                        .chain(() -> requests.addToTimeline(TimelineEntry.of(r.id, task.assignedAt(), "TASK_ASSIGNED",
                                text, TimelineEntry.Visibility.PUBLIC, task.organisationId(), event.id())))
                        .chain(() -> advance(r, RequestStatus.ASSIGNED, task.assignedAt(), "assigned to "
                                + task.organisationId()));
            });
        });
    }

    public Uni<Void> taskChanged(InboundEvent<TaskStatusChanged> event) {
        TaskStatusChanged change = event.data();
        return request(change.requestId()).chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            return requests.task(change.taskId()).chain(task -> {
                Uni<Void> projected = Uni.createFrom().voidItem();
                if (task != null && (task.updatedAt == null || !change.changedAt().isBefore(task.updatedAt))) {
                    task.status = change.status();
                    task.updatedAt = change.changedAt();
                    projected = task.persist().replaceWithVoid();
                }
                String text = change.organisationId() + ": " + change.status().toLowerCase().replace('_', ' ')
                        + (change.note() == null || change.note().isBlank() ? "" : " — " + change.note());
                Uni<Void> effect = projected.chain(() -> requests.addToTimeline(TimelineEntry.of(r.id,
                        change.changedAt(), "TASK_" + change.status(), text, TimelineEntry.Visibility.PUBLIC,
                        change.organisationId(), event.id())));
                return switch (change.status()) {
                    case "ACKNOWLEDGED" -> effect.invoke(() -> {
                        if (r.respondedAt == null) {
                            r.respondedAt = change.changedAt();
                        }
                    });
                    case "IN_PROGRESS" -> effect.chain(() -> advance(r, RequestStatus.IN_PROGRESS,
                            change.changedAt(), "work started"));
                    default -> effect;
                };
            });
        });
    }

    public Uni<Void> volunteerAccepted(InboundEvent<VolunteerAccepted> event) {
        VolunteerAccepted a = event.data();
        return request(a.requestId()).chain(r -> r == null ? Uni.createFrom().voidItem()
                : requests.addToTimeline(TimelineEntry.of(r.id, a.acceptedAt(), "VOLUNTEER_ACCEPTED",
                                "A volunteer took it on", TimelineEntry.Visibility.PUBLIC, null, event.id()))
                        .chain(() -> advance(r, RequestStatus.ASSIGNED, a.acceptedAt(), "a volunteer accepted")));
    }

    public Uni<Void> volunteerCompleted(InboundEvent<VolunteerCompleted> event) {
        return trackCompleted(event.data().requestId(), RequestSubmitted.TRACK_VOLUNTEERS,
                event.data().completedAt(), event.id());
    }

    /** Nobody took it: the volunteer track hands the request to the alliance, which now has to finish it. */
    public Uni<Void> volunteerUnmatched(InboundEvent<VolunteerUnmatched> event) {
        VolunteerUnmatched u = event.data();
        return request(u.requestId()).chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            if (!r.trackList().contains(RequestSubmitted.TRACK_ALLIANCE)) {
                r.tracks = r.tracks + "," + RequestSubmitted.TRACK_ALLIANCE;
            }
            // the alliance may have finished already: its event travels on another topic
            boolean allDone = r.completeTrack(RequestSubmitted.TRACK_VOLUNTEERS);
            Uni<Void> entry = requests.addToTimeline(TimelineEntry.of(r.id, u.unmatchedAt(), "VOLUNTEER_UNMATCHED",
                    "No volunteer was free in time; the community office takes it on", TimelineEntry.Visibility.PUBLIC,
                    null, event.id()));
            return allDone ? entry.chain(() -> advance(r, RequestStatus.RESOLVED, u.unmatchedAt(),
                    "every track completed")) : entry;
        });
    }

    public Uni<Void> allianceResolved(InboundEvent<CaseResolved> event) {
        return trackCompleted(event.data().requestId(), RequestSubmitted.TRACK_ALLIANCE, event.data().resolvedAt(),
                event.id());
    }

    /** A track finished; the request is RESOLVED once every one of its tracks has. */
    public Uni<Void> trackCompleted(String requestId, String track, Instant at, String eventId) {
        return request(requestId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            boolean all = r.completeTrack(track);
            Uni<Void> entry = requests.addToTimeline(TimelineEntry.of(r.id, at, "TRACK_COMPLETED",
                    track.toLowerCase() + " track completed", TimelineEntry.Visibility.PUBLIC, null, eventId));
            return all ? entry.chain(() -> advance(r, RequestStatus.RESOLVED, at, "every track completed")) : entry;
        });
    }

    private Uni<Void> advance(ResidentRequest r, RequestStatus next, Instant at, String reason) {
        if (r.respondedAt == null && next == RequestStatus.IN_PROGRESS) {
            r.respondedAt = at;
        }
        return changes.advance(r, next, at, reason);
    }

    private Uni<ResidentRequest> request(String requestId) {
        UUID id;
        try {
            id = UUID.fromString(requestId);
        } catch (IllegalArgumentException e) {
            LOG.warnf("ignoring an event for request id '%s', which is not ours", requestId);
            return Uni.createFrom().nullItem();
        }
        return requests.findById(id).invoke(r -> {
            if (r == null) {
                LOG.warnf("ignoring an event for unknown request %s", requestId);
            }
        });
    }
}
