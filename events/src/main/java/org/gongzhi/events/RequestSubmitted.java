package org.gongzhi.events;

import java.time.Instant;
import java.util.List;

/**
 * A resident's request was accepted and triaged. Carries no contact details: {@code residentId} is the resident's
 * pseudonymous account id (the token subject), so their notices can reach them. {@code photos} are the links to the
 * resident's photos of the problem, as given (at most five), so a party or volunteer can see what it is asked to do.
 * {@code timeLimits} are the windows its deadlines were computed from (its category at its urgency); absent (null) in
 * events published before they travelled.
 */
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
        Instant submittedAt,
        String residentId,
        List<String> photos,
        TimeLimits timeLimits) implements GongzhiEvent {

    public static final String TRACK_ALLIANCE = "ALLIANCE";
    public static final String TRACK_VOLUNTEERS = "VOLUNTEERS";
    public static final String TRACK_DELIBERATION = "DELIBERATION";

    public RequestSubmitted {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** A submission without time limits (as published before they travelled). */
    public RequestSubmitted(String communityId, String requestId, String category, String building, String unit,
            String place, String urgency, List<String> tracks, String description, String channel,
            Instant respondBy, Instant resolveBy, Instant submittedAt, String residentId, List<String> photos) {
        this(communityId, requestId, category, building, unit, place, urgency, tracks, description, channel,
                respondBy, resolveBy, submittedAt, residentId, photos, null);
    }

    /** A submission without photos. */
    public RequestSubmitted(String communityId, String requestId, String category, String building, String unit,
            String place, String urgency, List<String> tracks, String description, String channel,
            Instant respondBy, Instant resolveBy, Instant submittedAt, String residentId) {
        this(communityId, requestId, category, building, unit, place, urgency, tracks, description, channel,
                respondBy, resolveBy, submittedAt, residentId, List.of(), null);
    }

    /** A submission not filed for a known resident (a worker's round, an integrator). */
    public RequestSubmitted(String communityId, String requestId, String category, String building, String unit,
            String place, String urgency, List<String> tracks, String description, String channel,
            Instant respondBy, Instant resolveBy, Instant submittedAt) {
        this(communityId, requestId, category, building, unit, place, urgency, tracks, description, channel,
                respondBy, resolveBy, submittedAt, null, List.of(), null);
    }

    @Override
    public String aggregateId() {
        return requestId;
    }

    public boolean hasTrack(String track) {
        return tracks != null && tracks.contains(track);
    }
}
