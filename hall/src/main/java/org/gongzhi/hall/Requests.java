package org.gongzhi.hall;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.events.RequestStatus;
import org.gongzhi.hall.DeliberationApi.Suggestion;
import org.gongzhi.platform.security.Caller;

/**
 * Residents' requests as the hall sees them: the ones a topic grew from, and the ones a decision's action items
 * become. request-service implements it over its request lifecycle, inside the hall's transaction; the hall names
 * nothing of request-service.
 */
public interface Requests {
    /** Takes a request the caller may see into the hall (IN_DELIBERATION); 404 when the caller may not see it. */
    Uni<Void> takeIn(Caller caller, UUID requestId, Instant at, String reason);

    /** Sends those of these requests still IN_DELIBERATION back to work (ACKNOWLEDGED). */
    Uni<Void> resume(Caller caller, List<UUID> requestIds, Instant at, String reason);

    /**
     * Opens a request for a decision's action item, filed on the {@code rounds} channel, and gives its id: in the
     * building, at the named place (a code of the estate registry's places), or with neither for the whole estate.
     */
    Uni<UUID> open(Caller caller, String category, String description, String building, String place);

    /** Where each of these requests stands, by id, read in one query; an id unknown to request-service is absent. */
    Uni<Map<UUID, Standing>> standing(List<UUID> requestIds);

    /**
     * Recurring complaints of a community since a moment: the same category in the same building at least
     * {@code atLeast} times, not withdrawn or rejected and not yet in a topic; the most frequent first.
     */
    Uni<List<Suggestion>> recurring(String communityId, Instant since, int atLeast);

    /** A request's status as published, when it was filed, and the resident who filed it (null when a worker did). */
    record Standing(RequestStatus status, Instant createdAt, String residentId) {
    }
}
