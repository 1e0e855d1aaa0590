package org.gongzhi.request.progress;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerHandedOver;
import org.gongzhi.events.VolunteerOffered;
import org.gongzhi.events.VolunteerProgressed;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.request.errand.VolunteerJobs;

/** The volunteers' events move requests along, or hand them to the alliance. */
@ApplicationScoped
public class VolunteeringConsumer {
    private final EventInbox inbox;
    private final EventRoutes routes;

    VolunteeringConsumer(EventInbox inbox, TrackProgress progress, VolunteerJobs jobs) {
        this.inbox = inbox;
        this.routes = EventRoutes.create()
                .on(VolunteerOffered.class, jobs::offered)
                .on(VolunteerAccepted.class, e -> progress.volunteerAccepted(e).chain(() -> jobs.accepted(e)))
                .on(VolunteerCompleted.class, e -> progress.volunteerCompleted(e).chain(() -> jobs.completed(e)))
                .on(VolunteerProgressed.class, progress::volunteerProgressed)
                .on(VolunteerUnmatched.class, e -> progress.volunteerUnmatched(e).chain(() -> jobs.unmatched(e)))
                .on(VolunteerHandedOver.class, e -> progress.volunteerHandedOver(e).chain(() -> jobs.handedOver(e)));
    }

    @Incoming("volunteering")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("request-service.volunteering", records, routes);
    }
}
