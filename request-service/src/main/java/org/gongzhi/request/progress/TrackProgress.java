package org.gongzhi.request.progress;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.gongzhi.events.CaseResolved;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskDeadlineChanged;
import org.gongzhi.events.MeetingConvened;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.events.VisitId;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerHandedOver;
import org.gongzhi.events.VolunteerProgressed;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.request.lifecycle.DeadlineMove;
import org.gongzhi.request.lifecycle.DeadlineView;
import org.gongzhi.request.lifecycle.PublicTime;
import org.gongzhi.request.lifecycle.RequestRepository;
import org.gongzhi.request.lifecycle.RequestStatus;
import org.gongzhi.request.lifecycle.ResidentRequest;
import org.gongzhi.request.lifecycle.StatusChanges;
import org.gongzhi.request.lifecycle.TimelineEntry;
import org.gongzhi.request.lifecycle.TrackTask;
import org.jboss.logging.Logger;

/**
 * Keeps each request's status and timeline in step with what its tracks report. Runs inside the consumer's
 * transaction; events that arrive twice or late never move a request backwards.
 */
@ApplicationScoped
public class TrackProgress {
    private static final Logger LOG = Logger.getLogger(TrackProgress.class);

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
            String text = (task.organisationName() == null ? task.organisationId() : task.organisationName())
                    + (task.taskRole() == TaskRole.LEAD ? " leads" : " supports")
                    + " the work; respond by " + PublicTime.of(task.acknowledgeBy())
                    + ", complete by " + PublicTime.of(task.completeBy());
            return requests.assigned(r.id, task)
                    .chain(() -> requests.addToTimeline(TimelineEntry.of(r.id, task.assignedAt(), "TASK_ASSIGNED",
                            text, TimelineEntry.Visibility.PUBLIC, task.organisationId(), event.id())
                            .with("party", task.organisationName() == null ? task.organisationId()
                                    : task.organisationName())
                            .with("role", task.taskRole()).with("acknowledgeBy", task.acknowledgeBy())
                            .with("completeBy", task.completeBy())))
                    .chain(() -> advance(r, RequestStatus.ASSIGNED, task.assignedAt(), "assigned to "
                            + task.organisationId()));
        });
    }

    public Uni<Void> taskChanged(InboundEvent<TaskStatusChanged> event) {
        TaskStatusChanged change = event.data();
        return request(change.requestId()).chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            TaskStatus status = change.taskStatus();
            if (status == TaskStatus.UNKNOWN) {
                // a newer alliance's status: the resident sees what the party reported; the task and the request keep
                // where they stand, since what the status means is not known here
                LOG.infof("task %s of request %s reported status '%s', which this version does not know; it goes on "
                        + "the timeline only", change.taskId(), change.requestId(), change.status());
            }
            return requests.task(change.taskId()).chain(task -> {
                Uni<Void> projected = Uni.createFrom().voidItem();
                if (task != null && status != TaskStatus.UNKNOWN
                        && (task.updatedAt == null || !change.changedAt().isBefore(task.updatedAt))) {
                    task.status = status;
                    task.updatedAt = change.changedAt();
                    projected = task.persist().replaceWithVoid();
                }
                String text = change.organisationId() + ": " + change.status().toLowerCase().replace('_', ' ')
                        + (change.note() == null || change.note().isBlank() ? "" : " — " + change.note());
                Uni<Void> effect = projected.chain(() -> requests.addToTimeline(TimelineEntry.of(r.id,
                        change.changedAt(), "TASK_" + change.status(), text, TimelineEntry.Visibility.PUBLIC,
                        change.organisationId(), event.id())
                        .with("party", task == null ? change.organisationId() : task.party())
                        .with("status", change.status())
                        .with("note", change.note() == null || change.note().isBlank() ? null : change.note())));
                return switch (status) {
                    case ACKNOWLEDGED -> effect.invoke(() -> {
                        if (r.respondedAt == null) {
                            r.respondedAt = change.changedAt();
                        }
                    });
                    case IN_PROGRESS -> effect.chain(() -> advance(r, RequestStatus.IN_PROGRESS,
                            change.changedAt(), "work started"));
                    default -> effect;
                };
            });
        });
    }

    /** A worker moved a party's deadlines: the resident is told the new deadline and why. */
    public Uni<Void> taskDeadlineChanged(InboundEvent<TaskDeadlineChanged> event) {
        TaskDeadlineChanged change = event.data();
        return request(change.requestId()).chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            return requests.task(change.taskId()).chain(task -> {
                String party = task == null ? change.organisationId() : task.party();
                Uni<Void> projected = Uni.createFrom().voidItem();
                if (task != null && (task.deadlinesChangedAt == null
                        || !change.changedAt().isBefore(task.deadlinesChangedAt))) {
                    if (change.acknowledgeBy() != null) {
                        task.acknowledgeBy = change.acknowledgeBy();
                    }
                    if (change.completeBy() != null) {
                        task.completeBy = change.completeBy();
                    }
                    task.deadlinesChangedAt = change.changedAt();
                    projected = task.persist().replaceWithVoid();
                }
                DeadlineMove move = new DeadlineMove();
                move.id = UUID.randomUUID();
                move.requestId = r.id;
                move.taskId = change.taskId();
                move.organisationId = change.organisationId();
                move.acknowledgeBy = change.acknowledgeBy();
                move.completeBy = change.completeBy();
                move.reason = change.reason();
                move.changedAt = change.changedAt();
                move.eventId = event.id();
                String text = "Deadline moved: " + party
                        + (change.completeBy() != null ? " to finish by " + PublicTime.of(change.completeBy()) : "")
                        + (change.completeBy() != null && change.acknowledgeBy() != null ? "," : "")
                        + (change.acknowledgeBy() != null ? " to confirm by " + PublicTime.of(change.acknowledgeBy())
                                : "")
                        + (change.reason() == null || change.reason().isBlank() ? "" : " — " + change.reason());
                return projected.chain(() -> move.persist())
                        .chain(() -> requests.addToTimeline(TimelineEntry.of(r.id, change.changedAt(),
                                "DEADLINE_CHANGED", text, TimelineEntry.Visibility.PUBLIC, change.organisationId(),
                                event.id()).with("party", party).with("completeBy", change.completeBy())
                                .with("acknowledgeBy", change.acknowledgeBy())
                                .with("reason", change.reason() == null || change.reason().isBlank() ? null
                                        : change.reason())));
            });
        });
    }

    /** A party missed a deadline and the alliance escalated: the resident sees the step it reached. */
    public Uni<Void> taskEscalated(InboundEvent<TaskEscalated> event) {
        TaskEscalated e = event.data();
        return request(e.requestId()).chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            return requests.task(e.taskId()).chain(task -> {
                String party = task == null ? e.organisationId() : task.party();
                Uni<Void> projected = Uni.createFrom().voidItem();
                if (task != null && (task.escalatedAt == null || !e.escalatedAt().isBefore(task.escalatedAt))) {
                    task.escalationLevel = e.level();
                    task.escalationReason = e.reason();
                    task.escalatedAt = e.escalatedAt();
                    projected = task.persist().replaceWithVoid();
                }
                return projected.chain(() -> requests.addToTimeline(TimelineEntry.of(r.id, e.escalatedAt(),
                        "ESCALATED", "Escalated: " + DeadlineView.step(party, e.level(), e.reason()),
                        TimelineEntry.Visibility.PUBLIC, e.organisationId(), event.id()).with("party", party)
                        .with("level", e.level()).with("missed", DeadlineView.missedStep(e.reason()))));
            });
        });
    }

    /**
     * The whistle's joint meeting: who meets (the parties by name, the lead first, and the community secretary), when
     * and where — public, so the resident sees that their late request is being dealt with together.
     */
    public Uni<Void> meetingConvened(InboundEvent<MeetingConvened> event) {
        MeetingConvened m = event.data();
        return request(m.requestId()).chain(r -> r == null ? Uni.createFrom().voidItem()
                : requests.tasks(r.id).chain(tasks -> {
                    List<String> names = m.parties().stream().map(org -> tasks.stream()
                            .filter(t -> org.equals(t.organisationId)).map(TrackTask::party).findFirst()
                            .orElse(org)).toList();
                    String text = "Joint meeting (吹哨报到) convened: " + String.join(", ", names)
                            + " and the community secretary meet at " + PublicTime.of(m.startsAt()) + ", "
                            + m.place();
                    return requests.addToTimeline(TimelineEntry.of(r.id, m.convenedAt(), "MEETING_CONVENED", text,
                            TimelineEntry.Visibility.PUBLIC, m.leadOrganisationId(), event.id())
                            .with("parties", String.join("、", names)).with("startsAt", m.startsAt())
                            .with("place", m.place()));
                }));
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

    /** The volunteer reported progress: the work has started (a request never moves backwards). */
    public Uni<Void> volunteerProgressed(InboundEvent<VolunteerProgressed> event) {
        VolunteerProgressed p = event.data();
        return request(p.requestId()).chain(r -> r == null ? Uni.createFrom().voidItem()
                : requests.addToTimeline(TimelineEntry.of(r.id, p.progressedAt(), "VOLUNTEER_PROGRESSED",
                                "The volunteer reports progress"
                                        + (p.note() == null || p.note().isBlank() ? "" : ": " + p.note()),
                                TimelineEntry.Visibility.PUBLIC, null, event.id())
                                .with("note", p.note() == null || p.note().isBlank() ? null : p.note()))
                        .chain(() -> advance(r, RequestStatus.IN_PROGRESS, p.progressedAt(),
                                "a volunteer is working on it")));
    }

    /** Nobody took it: the volunteer track hands the request to the alliance, which now has to finish it. */
    public Uni<Void> volunteerUnmatched(InboundEvent<VolunteerUnmatched> event) {
        VolunteerUnmatched u = event.data();
        return handToAlliance(u.requestId(), u.unmatchedAt(), "VOLUNTEER_UNMATCHED",
                "No volunteer was free in time; the community office takes it on", event.id(), entry -> entry);
    }

    /** The volunteer found it needs a professional: a kind of alliance member takes it over and finishes it. */
    public Uni<Void> volunteerHandedOver(InboundEvent<VolunteerHandedOver> event) {
        VolunteerHandedOver h = event.data();
        return handToAlliance(h.requestId(), h.handedOverAt(), "VOLUNTEER_HANDED_OVER",
                "The volunteer found it needs " + partyKind(h.handOverTo()) + ", who takes it over"
                        + (h.reason() == null || h.reason().isBlank() ? "" : " — " + h.reason()), event.id(),
                entry -> entry.with("handOverTo", h.handOverTo())
                        .with("reason", h.reason() == null || h.reason().isBlank() ? null : h.reason()));
    }

    /**
     * The volunteer track is done with the request and the alliance finishes it. The alliance's events travel on
     * another topic, so it may have finished already: that counts. An alliance track that was finished before the
     * hand-over, on work of its own, has to finish again.
     */
    private Uni<Void> handToAlliance(String requestId, Instant at, String kind, String text, String eventId,
            UnaryOperator<TimelineEntry> parts) {
        return request(requestId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().voidItem();
            }
            boolean hadAlliance = r.trackList().contains(RequestSubmitted.TRACK_ALLIANCE);
            Uni<Void> allianceChecked = !hadAlliance || !r.doneTrackList().contains(RequestSubmitted.TRACK_ALLIANCE)
                    ? Uni.createFrom().voidItem()
                    : requests.lastCompleted(r.id, RequestSubmitted.TRACK_ALLIANCE).invoke(doneAt -> {
                        if (doneAt != null && doneAt.isBefore(at)) {
                            r.reopenTrack(RequestSubmitted.TRACK_ALLIANCE);
                        }
                    }).replaceWithVoid();
            return allianceChecked.chain(() -> {
                if (!hadAlliance) {
                    r.tracks = r.tracks + "," + RequestSubmitted.TRACK_ALLIANCE;
                }
                boolean allDone = r.completeTrack(RequestSubmitted.TRACK_VOLUNTEERS);
                Uni<Void> entry = requests.addToTimeline(parts.apply(TimelineEntry.of(r.id, at, kind, text,
                        TimelineEntry.Visibility.PUBLIC, null, eventId)));
                return allDone ? entry.chain(() -> advance(r, RequestStatus.RESOLVED, at, "every track completed"))
                        : entry;
            });
        });
    }

    /** An organisation type of the alliance, in words. */
    static String partyKind(String type) {
        if (type == null || type.isBlank()) {
            return "the community office (社区居委会)";
        }
        return switch (type) {
            case "PROPERTY_MANAGEMENT" -> "the property management (物业)";
            case "POLICE" -> "the community police (社区民警)";
            case "COMMUNITY_OFFICE" -> "the community office (社区居委会)";
            case "UTILITY" -> "the utility company";
            case "AREA_UNIT" -> "a unit in the area (驻区单位)";
            case "SOCIAL_ORGANISATION" -> "a social organisation (社会组织)";
            default -> "a partner (" + type.toLowerCase().replace('_', ' ') + ")";
        };
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
                    track.toLowerCase() + " track completed", TimelineEntry.Visibility.PUBLIC, null, eventId)
                    .with("track", track));
            return all ? entry.chain(() -> advance(r, RequestStatus.RESOLVED, at, "every track completed")) : entry;
        });
    }

    private Uni<Void> advance(ResidentRequest r, RequestStatus next, Instant at, String reason) {
        if (r.respondedAt == null && next == RequestStatus.IN_PROGRESS) {
            r.respondedAt = at;
        }
        return changes.advance(r, next, at, reason);
    }

    /**
     * The request an event is about, or null when it is none of ours. A check-on-neighbour visit has no request: the
     * alliance's tasks on a missed visit carry the visit's id as their request id, and so did the volunteers' events on
     * a visit before they had {@code visitId}; such events are passed by quietly.
     */
    private Uni<ResidentRequest> request(String requestId) {
        if (VisitId.inRequestId(requestId).isPresent()) {
            LOG.debugf("passing by an event of check-on-neighbour visit %s: it is no request", requestId);
            return Uni.createFrom().nullItem();
        }
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
