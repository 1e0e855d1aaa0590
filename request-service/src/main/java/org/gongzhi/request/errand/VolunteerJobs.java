package org.gongzhi.request.errand;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerHandedOver;
import org.gongzhi.events.VolunteerOffered;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.InboundEvent;

/**
 * Keeps {@link VolunteerJob} from the volunteers' events (effects of the volunteering consumer, inside its
 * transaction). One candidate is asked at a time, so the latest offer names the only volunteer who may see the
 * errand; an event older than the latest change (an older round's) changes nothing. A check-on-neighbour visit's
 * events never come here ({@code VolunteeringConsumer} passes them by); an id that is not a request's changes nothing.
 */
@ApplicationScoped
public class VolunteerJobs {

    public Uni<Void> offered(InboundEvent<VolunteerOffered> event) {
        VolunteerOffered o = event.data();
        return change(o.requestId(), o.offerId(), o.volunteerId(), VolunteerJob.Status.OFFERED, o.offeredAt(), false);
    }

    public Uni<Void> accepted(InboundEvent<VolunteerAccepted> event) {
        VolunteerAccepted a = event.data();
        return change(a.requestId(), a.offerId(), a.volunteerId(), VolunteerJob.Status.ACCEPTED, a.acceptedAt(),
                false);
    }

    public Uni<Void> completed(InboundEvent<VolunteerCompleted> event) {
        VolunteerCompleted c = event.data();
        return change(c.requestId(), c.offerId(), c.volunteerId(), VolunteerJob.Status.COMPLETED, c.completedAt(),
                true);
    }

    public Uni<Void> handedOver(InboundEvent<VolunteerHandedOver> event) {
        VolunteerHandedOver h = event.data();
        return change(h.requestId(), h.offerId(), h.volunteerId(), VolunteerJob.Status.HANDED_OVER,
                h.handedOverAt(), true);
    }

    public Uni<Void> unmatched(InboundEvent<VolunteerUnmatched> event) {
        VolunteerUnmatched u = event.data();
        UUID id = uuid(u.requestId());
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return VolunteerJob.<VolunteerJob>findById(id).chain(job -> {
            if (job == null || job.changedAt.isAfter(u.unmatchedAt())) {
                return Uni.createFrom().voidItem();
            }
            job.status = VolunteerJob.Status.UNMATCHED;
            job.changedAt = u.unmatchedAt();
            return Uni.createFrom().voidItem();
        });
    }

    /** An end of the job (done, handed over) counts for the offer that was accepted, whatever its time. */
    private Uni<Void> change(String requestId, String offerId, String volunteerId, VolunteerJob.Status status,
            Instant at, boolean endsOffer) {
        UUID id = uuid(requestId);
        if (id == null || volunteerId == null) {
            return Uni.createFrom().voidItem();
        }
        return VolunteerJob.<VolunteerJob>findById(id).chain(job -> {
            if (job == null) {
                if (endsOffer) {
                    return Uni.createFrom().voidItem();
                }
                VolunteerJob fresh = new VolunteerJob();
                fresh.requestId = id;
                fill(fresh, offerId, volunteerId, status, at);
                return exists(id).chain(known -> known ? fresh.persist().replaceWithVoid()
                        : Uni.createFrom().voidItem());
            }
            boolean sameOffer = offerId != null && offerId.equals(job.offerId);
            if (endsOffer ? sameOffer : !at.isBefore(job.changedAt)) {
                fill(job, offerId, volunteerId, status, at);
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static Uni<Boolean> exists(UUID id) {
        return org.gongzhi.request.lifecycle.ResidentRequest.<org.gongzhi.request.lifecycle.ResidentRequest>findById(id)
                .map(r -> r != null);
    }

    private static void fill(VolunteerJob job, String offerId, String volunteerId, VolunteerJob.Status status,
            Instant at) {
        job.offerId = offerId;
        job.volunteerId = volunteerId;
        job.status = status;
        job.changedAt = at;
    }

    private static UUID uuid(String requestId) {
        try {
            return requestId == null ? null : UUID.fromString(requestId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
