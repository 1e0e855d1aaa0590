package org.gongzhi.alliance.cases;

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

/** Requests on the alliance track become tasks; re-triage, reopenings, merges and withdrawals change them. */
@ApplicationScoped
public class RequestConsumer {
    private final EventInbox inbox;
    private final EventRoutes routes;

    RequestConsumer(EventInbox inbox, Assignments assignments) {
        this.inbox = inbox;
        this.routes = EventRoutes.create()
                .on(RequestSubmitted.class, assignments::requestSubmitted)
                .on(RequestReopened.class, assignments::requestReopened)
                .on(RequestRecategorised.class, assignments::requestRecategorised)
                .on(RequestStatusChanged.class, assignments::requestStatusChanged);
    }

    @Incoming("requests")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("alliance-service.requests", records, routes);
    }
}
