package org.gongzhi.request.estate;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.RiskPointRegistered;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Keeps where the alliance's risk points are (compacted {@code gongzhi.risk-points}), so the registry refuses to remove
 * a building or a place a risk point is at.
 */
@ApplicationScoped
public class RiskPointConsumer {
    private final EventInbox inbox;
    private final EventRoutes routes;

    RiskPointConsumer(EventInbox inbox, EstateRepository estate) {
        this.inbox = inbox;
        this.routes = EventRoutes.create().on(RiskPointRegistered.class, e -> {
            RiskPointRegistered r = e.data();
            RiskPointLocation location = new RiskPointLocation();
            location.id = r.id();
            location.communityId = r.communityId();
            location.name = r.name();
            location.building = r.building();
            location.place = r.place();
            location.version = r.version();
            return estate.keep(location);
        });
    }

    @Incoming("risk-points")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("request-service.risk-points", records, routes);
    }
}
