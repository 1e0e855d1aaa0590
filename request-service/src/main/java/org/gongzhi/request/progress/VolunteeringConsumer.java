package org.gongzhi.request.progress;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.VolunteerAccepted;
import org.gongzhi.events.VolunteerCompleted;
import org.gongzhi.events.VolunteerHandedOver;
import org.gongzhi.events.VolunteerProgressed;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/** The volunteers' events move requests along, or hand them to the alliance. */
@ApplicationScoped
public class VolunteeringConsumer {
    private final EventInbox inbox;
    private final EventRoutes routes;

    VolunteeringConsumer(EventInbox inbox, TrackProgress progress) {
        this.inbox = inbox;
        this.routes = EventRoutes.create()
                .on(VolunteerAccepted.class, progress::volunteerAccepted)
                .on(VolunteerCompleted.class, progress::volunteerCompleted)
                .on(VolunteerProgressed.class, progress::volunteerProgressed)
                .on(VolunteerUnmatched.class, progress::volunteerUnmatched)
                .on(VolunteerHandedOver.class, progress::volunteerHandedOver);
    }

    @Incoming("volunteering")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("request-service.volunteering", records, routes);
    }
}
