package org.gongzhi.alliance.estate;

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
import org.gongzhi.events.CommunityRegistered;
import org.gongzhi.events.PlaceRegistered;
import org.gongzhi.events.PlaceRemoved;
import org.gongzhi.events.Topics;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventInbox.TopicReader;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Keeps the alliance's copy of the estate registry: buildings, named places, categories (with each community's
 * withdrawals) and communities, read from their compacted topics.
 */
@ApplicationScoped
public class EstateConsumer {
    private final EventInbox inbox;
    /** The four topics, each under the processed-event name it had when each was a channel of its own. */
    private final Map<String, TopicReader> readers = new LinkedHashMap<>();

    EstateConsumer(EventInbox inbox, Estate estate) {
        this.inbox = inbox;
        readers.put(Topics.ESTATE_COMMUNITIES, new TopicReader("alliance-service.estate-communities",
                EventRoutes.create().on(CommunityRegistered.class, e -> estate.keep(e.data()))));
        readers.put(Topics.ESTATE_CATEGORIES, new TopicReader("alliance-service.estate-categories", EventRoutes.create()
                .on(CategoryDefined.class, e -> estate.keep(e.data()))
                .on(CategoryAvailabilityChanged.class, e -> estate.keep(e.data()))));
        readers.put(Topics.ESTATE_BUILDINGS, new TopicReader("alliance-service.estate-buildings", EventRoutes.create()
                .on(BuildingRegistered.class, e -> estate.keep(e.data()))
                .on(BuildingRemoved.class, e -> estate.keep(e.data()))));
        readers.put(Topics.ESTATE_PLACES, new TopicReader("alliance-service.estate-places", EventRoutes.create()
                .on(PlaceRegistered.class, e -> estate.keep(e.data()))
                .on(PlaceRemoved.class, e -> estate.keep(e.data()))));
    }

    /** One consumer for the four compacted topics: communities, categories, buildings, places, in that order. */
    @Incoming("estate")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeEach(records, readers);
    }
}
