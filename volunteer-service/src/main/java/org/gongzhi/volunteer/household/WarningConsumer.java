package org.gongzhi.volunteer.household;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.WarningIssued;
import org.gongzhi.events.WarningLifted;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/** A weather warning sends volunteers to check on the flagged households; its lifting withdraws visits not yet done. */
@ApplicationScoped
public class WarningConsumer {
    private final EventInbox inbox;
    private final EventRoutes routes;

    WarningConsumer(EventInbox inbox, HouseholdService households) {
        this.inbox = inbox;
        this.routes = EventRoutes.create()
                .on(WarningIssued.class, households::warningIssued)
                .on(WarningLifted.class, households::warningLifted);
    }

    @Incoming("warnings")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("volunteer-service.warnings", records, routes);
    }
}
