package org.gongzhi.request.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.events.TaskRole;
import org.gongzhi.events.TaskStatus;

/**
 * Where an open request stands against its deadlines, for the resident: the next deadline, and when it is late, which
 * deadline was missed and since when, who is on it, the latest escalation step and every move of a deadline.
 */
@Schema(description = "Where an open request stands against its deadlines; absent once it is no longer open")
public record DeadlineView(
        @Schema(description = "The next deadline: what a party or the community must do next, by when") Instant next,
        @Schema(description = "What is due at the next deadline, in words") String nextStep,
        @Schema(description = "A deadline was missed, or a party's task was escalated") boolean late,
        @Schema(description = "The earliest deadline missed and not yet met") Instant lateSince,
        @Schema(description = "Each missed deadline, in words") List<String> missed,
        @Schema(description = "Who is on it: the lead party, a volunteer or the community office") String lead,
        @Schema(description = "Latest escalation step of an open task: 1 backup contact, 2 community secretary, "
                + "3 joint 'whistle' meeting; 0 none") int escalationLevel,
        @Schema(description = "The latest escalation step, in words") String escalation,
        Instant escalatedAt,
        @Schema(description = "Every move of a party's deadlines, oldest first") List<Move> moves,
        @Schema(description = "All of it in one text for the resident") String explanation) {

    /** One move of a party's deadlines. */
    public record Move(Instant at, String organisationId, Instant acknowledgeBy, Instant completeBy, String reason) {
        static Move of(DeadlineMove m) {
            return new Move(m.changedAt, m.organisationId, m.acknowledgeBy, m.completeBy, m.reason);
        }
    }

    private record Missed(Instant at, String text) {
    }

    /** Where the request stands at {@code now}; null when it is not waiting for anything (done, or in the hall). */
    static DeadlineView of(ResidentRequest r, List<TrackTask> tasks, List<DeadlineMove> moves, Instant now) {
        if (!r.status.isOpen() || r.status == RequestStatus.IN_DELIBERATION) {
            return null;
        }
        List<TrackTask> open = tasks.stream().filter(TrackTask::isOpen).toList();
        Optional<TrackTask> leadTask = open.stream().filter(t -> t.role == TaskRole.LEAD).findFirst()
                .or(() -> open.stream().findFirst());
        String lead = leadTask.map(TrackTask::party).orElseGet(() -> r.trackList()
                .contains(RequestSubmitted.TRACK_VOLUNTEERS) && (r.status == RequestStatus.ASSIGNED
                || r.status == RequestStatus.IN_PROGRESS) ? "a volunteer" : "the community office");

        // the next deadline: the lead party's pending step, else the community's own promise
        Instant next;
        String nextStep;
        if (leadTask.isPresent() && leadTask.get().status == TaskStatus.ASSIGNED && leadTask.get().acknowledgeBy != null) {
            next = leadTask.get().acknowledgeBy;
            nextStep = leadTask.get().party() + " to confirm it has taken the task";
        } else if (leadTask.isPresent() && leadTask.get().completeBy != null) {
            next = leadTask.get().completeBy;
            nextStep = leadTask.get().party() + " to finish the work";
        } else if (r.respondedAt == null) {
            next = r.respondBy;
            nextStep = "a first response";
        } else {
            next = r.resolveBy;
            nextStep = "the problem to be resolved";
        }

        List<Missed> missed = new ArrayList<>();
        if (r.respondedAt == null && now.isAfter(r.respondBy)) {
            missed.add(new Missed(r.respondBy, "no response yet: a first response was due by "
                    + PublicTime.of(r.respondBy)));
        }
        if (now.isAfter(r.resolveBy)) {
            missed.add(new Missed(r.resolveBy, "not resolved: it was due to be resolved by "
                    + PublicTime.of(r.resolveBy)));
        }
        for (TrackTask t : open) {
            if (t.status == TaskStatus.ASSIGNED && t.acknowledgeBy != null && now.isAfter(t.acknowledgeBy)) {
                missed.add(new Missed(t.acknowledgeBy, t.party() + " was to confirm the task by "
                        + PublicTime.of(t.acknowledgeBy)));
            }
            if (t.completeBy != null && now.isAfter(t.completeBy)) {
                missed.add(new Missed(t.completeBy, t.party() + " was to finish by " + PublicTime.of(t.completeBy)));
            }
        }
        missed.sort(Comparator.comparing(Missed::at));
        Optional<TrackTask> escalated = open.stream().filter(t -> t.escalationLevel > 0 && t.escalatedAt != null)
                .max(Comparator.comparing(t -> t.escalatedAt));
        boolean late = !missed.isEmpty() || escalated.isPresent();
        Instant since = missed.isEmpty() ? escalated.map(t -> t.escalatedAt).orElse(null) : missed.get(0).at();
        String escalation = escalated.map(t -> step(t.party(), t.escalationLevel, t.escalationReason)).orElse(null);
        List<Move> moveViews = moves.stream().map(Move::of).toList();

        StringBuilder text = new StringBuilder();
        if (late) {
            text.append("Late since ").append(PublicTime.of(since)).append(": ");
            text.append(missed.isEmpty() ? "a party missed a step" : String.join("; ",
                    missed.stream().map(Missed::text).toList()));
            text.append(". ").append(capitalise(lead)).append(leadTask.isPresent() ? " leads the work" : " is on it")
                    .append('.');
            if (escalation != null) {
                text.append(" Escalated ").append(PublicTime.of(escalated.get().escalatedAt)).append(": ")
                        .append(escalation).append('.');
            }
        } else {
            text.append("On time. ").append(capitalise(lead)).append(leadTask.isPresent() ? " leads the work."
                    : " is on it.");
        }
        if (!moves.isEmpty()) {
            DeadlineMove last = moves.get(moves.size() - 1);
            text.append(" Deadline moved ").append(moves.size() == 1 ? "once" : moves.size() + " times")
                    .append(", last on ").append(PublicTime.of(last.changedAt)).append(" to ")
                    .append(PublicTime.of(last.completeBy != null ? last.completeBy : last.acknowledgeBy))
                    .append(last.reason == null || last.reason.isBlank() ? "" : ": " + last.reason).append('.');
        }
        text.append(" Next deadline: ").append(nextStep).append(" by ").append(PublicTime.of(next))
                .append(next != null && now.isAfter(next) ? " (passed)" : "").append('.');
        return new DeadlineView(next, nextStep, late, since, missed.stream().map(Missed::text).toList(), lead,
                escalated.map(t -> t.escalationLevel).orElse(0), escalation,
                escalated.map(t -> t.escalatedAt).orElse(null), moveViews, text.toString());
    }

    /** The trailing public timeline entry: why it is late, or the next deadline; computed when read. */
    TimelineEntry asTimelineEntry(UUID requestId, Instant now) {
        return TimelineEntry.of(requestId, now, late ? "LATE" : "NEXT_DEADLINE", explanation,
                TimelineEntry.Visibility.PUBLIC, null, null);
    }

    /** An escalation step in words, for residents. */
    public static String step(String party, int level, String reason) {
        String why = reason != null && reason.startsWith("overdue") ? party + " did not finish in time"
                : party + " did not confirm the task in time";
        return switch (level) {
            case 1 -> why + "; its backup on-duty contact was called in (step 1)";
            case 2 -> why + "; the community secretary was called in (step 2)";
            case 3 -> why + "; a joint meeting of all the parties (吹哨报到) was convened (step 3)";
            default -> why + " (step " + level + ")";
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
