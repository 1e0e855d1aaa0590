package org.gongzhi.request.lifecycle;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.platform.outbox.Outbox;
import org.gongzhi.platform.reactive.InOrder;

/** The one place a request changes status: the state machine, the timeline entry and the event, together. */
@ApplicationScoped
public class StatusChanges {
    private final RequestRepository requests;
    private final Outbox outbox;
    private final Instance<StatusListener> listeners;

    StatusChanges(RequestRepository requests, Outbox outbox, Instance<StatusListener> listeners) {
        this.requests = requests;
        this.outbox = outbox;
        this.listeners = listeners;
    }

    /** Moves the request or refuses with 409; runs inside the caller's transaction. */
    public Uni<ResidentRequest> move(ResidentRequest r, RequestStatus next, Instant at, String actor, String reason) {
        RequestStatus from = r.moveTo(next, at);
        return recorded(r, from, next, at, actor, reason, null);
    }

    /**
     * Ends a duplicate as MERGED into its master from any open state (409 otherwise), remembering the status it had
     * so the merge can be undone; the event names the master.
     */
    public Uni<ResidentRequest> merge(ResidentRequest r, ResidentRequest master, Instant at, String actor) {
        RequestStatus from = r.moveTo(RequestStatus.MERGED, at);
        r.mergedInto = master.id;
        r.mergedFrom = from;
        r.mergedAt = at;
        return recorded(r, from, RequestStatus.MERGED, at, actor, "merged into " + master.id, master.id.toString());
    }

    /** Undoes a merge: the duplicate returns to the status it had; the caller checks that it may. */
    public Uni<ResidentRequest> unmerge(ResidentRequest r, Instant at, String actor) {
        UUID master = r.mergedInto;
        RequestStatus back = r.mergedFrom == null ? RequestStatus.SUBMITTED : r.mergedFrom;
        r.status = back;
        r.updatedAt = at;
        r.mergedInto = null;
        r.mergedFrom = null;
        r.mergedAt = null;
        return recorded(r, RequestStatus.MERGED, back, at, actor, "no longer merged into " + master, null);
    }

    private Uni<ResidentRequest> recorded(ResidentRequest r, RequestStatus from, RequestStatus next, Instant at,
            String actor, String reason, String mergedInto) {
        return requests.addToTimeline(TimelineEntry.of(r.id, at, "STATUS", "Status: " + next
                                + (reason == null ? "" : " — " + reason), TimelineEntry.Visibility.PUBLIC, actor,
                        null))
                .chain(() -> outbox.add(new RequestStatusChanged(r.communityId, r.id.toString(), r.category,
                        r.building, from.published(), next.published(), reason, at, mergedInto)))
                .chain(() -> tell(r, from, next, at))
                .replaceWith(r);
    }

    private Uni<Void> tell(ResidentRequest r, RequestStatus from, RequestStatus next, Instant at) {
        return InOrder.each(listeners, listener -> listener.moved(r, from, next, at));
    }

    /** Moves forward when the state machine allows; a late or repeated event leaves the request as it is. */
    public Uni<Void> advance(ResidentRequest r, RequestStatus next, Instant at, String reason) {
        if (r.status == next || !r.status.canMoveTo(next)) {
            return Uni.createFrom().voidItem();
        }
        return move(r, next, at, null, reason).replaceWithVoid();
    }
}
