package org.gongzhi.alliance.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.VolunteerHandedOver;
import org.gongzhi.events.VolunteerUnmatched;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/** A request no volunteer took, or one a volunteer handed over to a professional, comes to the alliance. */
@ApplicationScoped
public class VolunteeringConsumer {
    private final EventInbox inbox;
    private final EventRoutes routes;

    VolunteeringConsumer(EventInbox inbox, Assignments assignments) {
        this.inbox = inbox;
        this.routes = EventRoutes.create()
                .on(VolunteerUnmatched.class, assignments::volunteerUnmatched)
                .on(VolunteerHandedOver.class, assignments::volunteerHandedOver);
    }

    @Incoming("volunteering")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("alliance-service.volunteering", records, routes);
    }
}
