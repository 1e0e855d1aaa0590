package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/** A resident's request was accepted and triaged. Carries no contact details. */
public record RequestSubmitted(
        String communityId,
        String requestId,
        String category,
        String building,
        String unit,
        String place,
        String urgency,
        List<String> tracks,
        String description,
        String channel,
        Instant respondBy,
        Instant resolveBy,
        Instant submittedAt) implements GongzhiEvent {

    public static final String TRACK_ALLIANCE = "ALLIANCE";
    public static final String TRACK_VOLUNTEERS = "VOLUNTEERS";
    public static final String TRACK_DELIBERATION = "DELIBERATION";

    @Override
    public String aggregateId() {
        return requestId;
    }

    public boolean hasTrack(String track) {
        return tracks != null && tracks.contains(track);
    }
}
