package org.gongzhi.volunteer.estate;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.BuildingRegistered;
import org.gongzhi.events.BuildingRemoved;
import org.gongzhi.events.CategoryAvailabilityChanged;
import org.gongzhi.events.CategoryDefined;
import org.gongzhi.events.Topics;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventInbox.TopicReader;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Keeps volunteer-service's copy of the estate registry: the building grid, each category's skill and the categories
 * each community has withdrawn.
 */
@ApplicationScoped
public class EstateConsumer {
    private final EventInbox inbox;
    /** The two topics, each under the processed-event name it had when each was a channel of its own. */
    private final Map<String, TopicReader> readers = new LinkedHashMap<>();

    EstateConsumer(EventInbox inbox, EstateCopy copy) {
        this.inbox = inbox;
        readers.put(Topics.ESTATE_CATEGORIES, new TopicReader("volunteer-service.estate-categories", EventRoutes.create()
                .on(CategoryDefined.class, e -> copy.keep(e.data()))
                .on(CategoryAvailabilityChanged.class, e -> copy.keep(e.data()))));
        readers.put(Topics.ESTATE_BUILDINGS, new TopicReader("volunteer-service.estate-buildings", EventRoutes.create()
                .on(BuildingRegistered.class, e -> copy.keep(e.data()))
                .on(BuildingRemoved.class, e -> copy.keep(e.data()))));
    }

    /** One consumer for both compacted topics: categories, then buildings. */
    @Incoming("estate")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeEach(records, readers);
    }
}
