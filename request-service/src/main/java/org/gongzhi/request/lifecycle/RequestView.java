package org.gongzhi.request.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A request as its resident, a worker or a party sees it: never the contact phone. */
public record RequestView(
        UUID id,
        RequestStatus status,
        String category,
        String description,
        String building,
        String unit,
        String household,
        String place,
        List<String> photos,
        String urgency,
        String channel,
        String hotlineTicket,
        List<String> tracks,
        Instant respondBy,
        Instant resolveBy,
        Instant respondedAt,
        Instant resolvedAt,
        Instant createdAt,
        Instant updatedAt,
        List<TaskView> tasks,
        List<TimelineView> timeline,
        DeadlineView deadline,
        List<UUID> possibleDuplicates,
        UUID mergedInto,
        List<MergedReport> merged) {

    /** A duplicate merged into this request, as the master's view lists it. */
    public record MergedReport(UUID id, String category, String description, String building, String unit,
            String place, String channel, Instant createdAt, Instant mergedAt) {
        static MergedReport of(ResidentRequest r) {
            return new MergedReport(r.id, r.category, r.description, r.building, r.unit, r.place, r.channel,
                    r.createdAt, r.mergedAt);
        }
    }

    public record TaskView(String taskId, String organisationId, String organisationName, String role,
            String status, Instant acknowledgeBy, Instant completeBy, int escalationLevel) {
        static TaskView of(TrackTask t) {
            return new TaskView(t.taskId, t.organisationId, t.organisationName, t.role == null ? null : t.role.wire(),
                    t.status == null ? null : t.status.wire(), t.acknowledgeBy, t.completeBy, t.escalationLevel);
        }
    }

    public record TimelineView(Instant at, String kind, String text, TimelineEntry.Visibility visibility,
            String actor) {
        static TimelineView of(TimelineEntry e) {
            return new TimelineView(e.at, e.kind, e.text, e.visibility, e.actor);
        }
    }

    /** The same view, with the open requests that look like the same problem (shown right after intake). */
    RequestView withPossibleDuplicates(List<UUID> duplicates) {
        return new RequestView(id, status, category, description, building, unit, household, place, photos, urgency,
                channel, hotlineTicket, tracks, respondBy, resolveBy, respondedAt, resolvedAt, createdAt, updatedAt, tasks,
                timeline, deadline, duplicates, mergedInto, merged);
    }

    /** The view at {@code now}: an open request's timeline ends with where it stands against its deadlines. */
    static RequestView of(ResidentRequest r, List<TrackTask> tasks, List<TimelineEntry> timeline,
            List<DeadlineMove> moves, Instant now) {
        return of(r, tasks, timeline, moves, List.of(), now);
    }

    static RequestView of(ResidentRequest r, List<TrackTask> tasks, List<TimelineEntry> timeline,
            List<DeadlineMove> moves, List<ResidentRequest> merged, Instant now) {
        DeadlineView deadline = DeadlineView.of(r, tasks, moves, now);
        List<TimelineView> entries = new ArrayList<>(timeline.stream().map(TimelineView::of).toList());
        if (deadline != null) {
            entries.add(TimelineView.of(deadline.asTimelineEntry(r.id, now)));
        }
        return new RequestView(r.id, r.status, r.category, r.description, r.building, r.unit, r.household, r.place,
                r.photoList(), r.urgency, r.channel, r.hotlineTicket, r.trackList(), r.respondBy, r.resolveBy, r.respondedAt,
                r.resolvedAt, r.createdAt, r.updatedAt, tasks.stream().map(TaskView::of).toList(),
                List.copyOf(entries), deadline, List.of(), r.mergedInto,
                merged.stream().map(MergedReport::of).toList());
    }
}
