package org.gongzhi.alliance.estate;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.BuildingRegistered;
import org.gongzhi.events.BuildingRemoved;
import org.gongzhi.events.CategoryDefined;
import org.gongzhi.events.CommunityRegistered;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/** Keeps the alliance's copy of the estate registry: buildings, categories and communities, from their compacted topics. */
@ApplicationScoped
public class EstateConsumer {
    private final EventInbox inbox;
    private final EventRoutes buildings;
    private final EventRoutes categories;
    private final EventRoutes communities;

    EstateConsumer(EventInbox inbox, Estate estate) {
        this.inbox = inbox;
        this.buildings = EventRoutes.create()
                .on(BuildingRegistered.class, e -> estate.keep(e.data()))
                .on(BuildingRemoved.class, e -> estate.keep(e.data()));
        this.categories = EventRoutes.create().on(CategoryDefined.class, e -> estate.keep(e.data()));
        this.communities = EventRoutes.create().on(CommunityRegistered.class, e -> estate.keep(e.data()));
    }

    @Incoming("estate-communities")
    public Uni<Void> communities(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("alliance-service.estate-communities", records, communities);
    }

    @Incoming("estate-buildings")
    public Uni<Void> buildings(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("alliance-service.estate-buildings", records, buildings);
    }

    @Incoming("estate-categories")
    public Uni<Void> categories(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("alliance-service.estate-categories", records, categories);
    }
}
