package org.gongzhi.request.progress;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerHandedOver;
import org.gongzhi.events.VolunteerOffered;
import org.gongzhi.events.VolunteerProgressed;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.events.VolunteeringEvent;
import org.gongzhi.platform.inbox.EventInbox.TopicReader;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.request.errand.VolunteerJobs;

/**
 * The volunteers' events move requests along, or hand them to the alliance. A check-on-neighbour visit's events are
 * not about a request: they pass by.
 */
@ApplicationScoped
public class VolunteeringConsumer {
    private final EventRoutes routes;

    VolunteeringConsumer(TrackProgress progress, VolunteerJobs jobs) {
        this.routes = EventRoutes.create()
                .on(VolunteerOffered.class, requestsOnly(jobs::offered))
                .on(VolunteerAccepted.class, requestsOnly(e -> progress.volunteerAccepted(e)
                        .chain(() -> jobs.accepted(e))))
                .on(VolunteerCompleted.class, requestsOnly(e -> progress.volunteerCompleted(e)
                        .chain(() -> jobs.completed(e))))
                .on(VolunteerProgressed.class, requestsOnly(progress::volunteerProgressed))
                .on(VolunteerUnmatched.class, requestsOnly(e -> progress.volunteerUnmatched(e)
                        .chain(() -> jobs.unmatched(e))))
                .on(VolunteerHandedOver.class, requestsOnly(e -> progress.volunteerHandedOver(e)
                        .chain(() -> jobs.handedOver(e))));
    }

    /** The effect for a request's work; a visit's event (by its {@code visitId}, or its id's form before it) has none. */
    static <T extends VolunteeringEvent> Function<InboundEvent<T>, Uni<Void>> requestsOnly(
            Function<InboundEvent<T>, Uni<Void>> effect) {
        return event -> event.data().visit().isPresent() ? Uni.createFrom().voidItem() : effect.apply(event);
    }

    /** How the field reports' channel applies {@code gongzhi.volunteering} ({@link FieldReportsConsumer}). */
    public TopicReader reader() {
        return new TopicReader("request-service.volunteering", routes);
    }
}
