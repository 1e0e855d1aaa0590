package org.gongzhi.request.progress;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.Topics;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventInbox.TopicReader;
import org.gongzhi.request.estate.RiskPointConsumer;
import org.gongzhi.request.patrol.PatrolConsumer;

/**
 * What the field reports besides the tasks — the volunteers' steps, the problems patrols find, where the alliance's
 * risk points are — through one Kafka consumer for the three topics (a consumer each cost a fetch session, a
 * dead-letter producer and a group rebalance of 2–3 s on every graceful stop). Each topic is applied under the
 * processed-event name it had when it was a channel of its own.
 */
@ApplicationScoped
public class FieldReportsConsumer {
    private final EventInbox inbox;
    private final Map<String, TopicReader> readers = new LinkedHashMap<>();

    FieldReportsConsumer(EventInbox inbox, VolunteeringConsumer volunteering, PatrolConsumer patrols,
            RiskPointConsumer riskPoints) {
        this.inbox = inbox;
        readers.put(Topics.RISK_POINTS, riskPoints.reader());
        readers.put(Topics.WARNINGS, patrols.reader());
        readers.put(Topics.VOLUNTEERING, volunteering.reader());
    }

    @Incoming("field-reports")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeEach(records, readers);
    }
}
