package org.gongzhi.volunteer.matching;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.RequestRecategorised;
import org.gongzhi.events.RequestReopened;
import org.gongzhi.events.RequestStatusChanged;
import org.gongzhi.events.RequestSubmitted;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Requests with the VOLUNTEERS track start a matching; reopened ones are matched again; a re-triage starts or stops
 * it; a request that ends (withdrawn, rejected, merged, closed) withdraws it and cancels its offers.
 */
@ApplicationScoped
public class RequestConsumer {
    private final EventInbox inbox;
    private final EventRoutes routes;

    RequestConsumer(EventInbox inbox, MatchingService matching) {
        this.inbox = inbox;
        this.routes = EventRoutes.create()
                .on(RequestSubmitted.class, matching::requestSubmitted)
                .on(RequestReopened.class, matching::requestReopened)
                .on(RequestRecategorised.class, matching::requestRecategorised)
                .on(RequestStatusChanged.class, matching::requestStatusChanged);
    }

    @Incoming("requests")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("volunteer-service.requests", records, routes);
    }
}
