package org.gongzhi.request.patrol;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.PatrolProblemFound;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/** Problems the alliance's patrols find at risk points become requests; the other warning events pass by. */
@ApplicationScoped
public class PatrolConsumer {
    private final EventInbox inbox;
    private final EventRoutes routes;

    PatrolConsumer(EventInbox inbox, PatrolIntake intake) {
        this.inbox = inbox;
        this.routes = EventRoutes.create().on(PatrolProblemFound.class, intake::problemFound);
    }

    @Incoming("warnings")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("request-service.warnings", records, routes);
    }
}
