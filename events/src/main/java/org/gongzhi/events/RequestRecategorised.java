package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/**
 * A worker re-triaged an open request: its category, urgency, tracks and deadlines as they now are, and which tracks
 * were added and removed. The tracks follow it (the alliance re-routes, the volunteers start or stop); it is never a
 * second {@code request.submitted}. {@code timeLimits} are the windows of the new deadlines (the category at the
 * urgency); absent (null) in events published before they travelled.
 */
public record RequestRecategorised(
        String communityId,
        String requestId,
        String category,
        String previousCategory,
        String building,
        String urgency,
        List<String> tracks,
        List<String> addedTracks,
        List<String> removedTracks,
        Instant respondBy,
        Instant resolveBy,
        String status,
        Instant recategorisedAt,
        TimeLimits timeLimits) implements GongzhiEvent {

    /** A re-triage without time limits (as published before they travelled). */
    public RequestRecategorised(String communityId, String requestId, String category, String previousCategory,
            String building, String urgency, List<String> tracks, List<String> addedTracks, List<String> removedTracks,
            Instant respondBy, Instant resolveBy, String status, Instant recategorisedAt) {
        this(communityId, requestId, category, previousCategory, building, urgency, tracks, addedTracks, removedTracks,
                respondBy, resolveBy, status, recategorisedAt, null);
    }

    /** The request's status at the time, as a {@link RequestStatus}. */
    public RequestStatus requestStatus() {
        return RequestStatus.of(status);
    }

    @Override
    public String aggregateId() {
        return requestId;
    }

    public boolean hasTrack(String track) {
        return tracks != null && tracks.contains(track);
    }

    public boolean added(String track) {
        return addedTracks != null && addedTracks.contains(track);
    }

    public boolean removed(String track) {
        return removedTracks != null && removedTracks.contains(track);
    }
}
