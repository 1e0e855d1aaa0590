package org.gongzhi.volunteer.estate;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.BuildingRegistered;
import org.gongzhi.events.BuildingRemoved;
import org.gongzhi.events.CategoryAvailabilityChanged;
import org.gongzhi.events.CategoryDefined;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Keeps volunteer-service's copy of the estate registry: the building grid, each category's skill and the categories
 * each community has withdrawn.
 */
@ApplicationScoped
public class EstateConsumer {
    private final EventInbox inbox;
    private final EventRoutes buildings;
    private final EventRoutes categories;

    EstateConsumer(EventInbox inbox, EstateCopy copy) {
        this.inbox = inbox;
        this.buildings = EventRoutes.create()
                .on(BuildingRegistered.class, e -> copy.keep(e.data()))
                .on(BuildingRemoved.class, e -> copy.keep(e.data()));
        this.categories = EventRoutes.create()
                .on(CategoryDefined.class, e -> copy.keep(e.data()))
                .on(CategoryAvailabilityChanged.class, e -> copy.keep(e.data()));
    }

    @Incoming("estate-buildings")
    public Uni<Void> buildings(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("volunteer-service.estate-buildings", records, buildings);
    }

    @Incoming("estate-categories")
    public Uni<Void> categories(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("volunteer-service.estate-categories", records, categories);
    }
}
