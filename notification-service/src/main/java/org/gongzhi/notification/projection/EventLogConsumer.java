package org.gongzhi.notification.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.notification.eventlog.EventLog;
import org.gongzhi.notification.stream.LiveEvents;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventInbox.TopicReader;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Every topic, every event type: into the log, then through the routes every {@link Projection} registered (the read
 * models, residents' notices, queued webhook messages), in one transaction with the inbox's record of the event; after
 * the commit the live stream is woken.
 */
@ApplicationScoped
public class EventLogConsumer {
    private final EventInbox inbox;
    private final LiveEvents live;
    /** Every topic of the channel, in name order, each under the processed-event name it always had. */
    private final Map<String, TopicReader> readers = new TreeMap<>();

    EventLogConsumer(EventInbox inbox, EventLog log, Projections projections, LiveEvents live,
            @ConfigProperty(name = "mp.messaging.incoming.events.topics") List<String> topics) {
        this.inbox = inbox;
        this.live = live;
        // the log first: its first append takes the lock a rebuild waits on, before any projection touches a row
        EventRoutes routes = EventRoutes.create()
                .onEvery(log::append)
                .then(projections.routes())
                .beforeCommit(log::appendGathered);
        topics.forEach(topic -> readers.put(topic, new TopicReader(
                "notification-service." + topic.substring("gongzhi.".length()), routes)));
    }

    /**
     * One poll of every topic, from the partitions this copy of the channel holds: the same partition number of every
     * topic (range assignment), so all events of one request, task or warning come to one copy and copies never
     * update the same board row. Each topic's records are applied in a transaction of their own.
     */
    @Incoming("events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeEach(records, readers).invoke(live::wake);
    }
}
