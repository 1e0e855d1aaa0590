package org.gongzhi.alliance.estate;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.BuildingRegistered;
import org.gongzhi.events.BuildingRemoved;
import org.gongzhi.events.CategoryAvailabilityChanged;
import org.gongzhi.events.CategoryDefined;
import org.gongzhi.events.CommunityRegistered;
import org.gongzhi.events.PlaceRegistered;
import org.gongzhi.events.PlaceRemoved;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Keeps the alliance's copy of the estate registry: buildings, named places, categories (with each community's
 * withdrawals) and communities, read from their compacted topics.
 */
@ApplicationScoped
public class EstateConsumer {
    private final EventInbox inbox;
    private final EventRoutes buildings;
    private final EventRoutes categories;
    private final EventRoutes places;
    private final EventRoutes communities;

    EstateConsumer(EventInbox inbox, Estate estate) {
        this.inbox = inbox;
        this.buildings = EventRoutes.create()
                .on(BuildingRegistered.class, e -> estate.keep(e.data()))
                .on(BuildingRemoved.class, e -> estate.keep(e.data()));
        this.categories = EventRoutes.create()
                .on(CategoryDefined.class, e -> estate.keep(e.data()))
                .on(CategoryAvailabilityChanged.class, e -> estate.keep(e.data()));
        this.places = EventRoutes.create()
                .on(PlaceRegistered.class, e -> estate.keep(e.data()))
                .on(PlaceRemoved.class, e -> estate.keep(e.data()));
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

    @Incoming("estate-places")
    public Uni<Void> places(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("alliance-service.estate-places", records, places);
    }

    @Incoming("estate-categories")
    public Uni<Void> categories(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("alliance-service.estate-categories", records, categories);
    }
}
