package org.gongzhi.notification.eventlog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.notification.board.DeliberationBoard;
import org.gongzhi.notification.board.RequestBoard;
import org.gongzhi.notification.board.WarningBoard;
import org.gongzhi.notification.board.WorkloadBoard;
import org.gongzhi.notification.notice.NoticeWriter;
import org.gongzhi.notification.webhook.WebhookWriter;
import org.gongzhi.notification.stream.LiveEvents;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;
import org.gongzhi.platform.inbox.InboundEvent;
import org.gongzhi.platform.reactive.InOrder;

/**
 * Every topic, every event type: into the log, the read models, residents' notices and queued webhook messages, in
 * one transaction with the inbox's record of the event; after the commit the live stream is woken.
 */
@ApplicationScoped
public class EventLogConsumer {
    private final EventInbox inbox;
    private final LiveEvents live;
    private final EventRoutes routes;

    EventLogConsumer(EventInbox inbox, EventLog log, RequestBoard board, WorkloadBoard workload,
            DeliberationBoard hall, WarningBoard warnings,
            NoticeWriter notices, WebhookWriter webhooks, LiveEvents live) {
        this.inbox = inbox;
        this.live = live;
        EventRoutes all = EventRoutes.create();
        for (EventType type : EventType.values()) {
            route(all, type.dataClass(), event -> log.append(event)
                    .chain(() -> board.apply(event))
                    .chain(() -> workload.apply(event))
                    .chain(() -> hall.apply(event))
                    .chain(() -> warnings.apply(event))
                    .chain(() -> notices.apply(event))
                    .chain(() -> webhooks.apply(event)));
        }
        this.routes = all.beforeCommit(log::appendGathered);
    }

    private static <T extends GongzhiEvent> void route(EventRoutes routes, Class<T> type,
            Function<InboundEvent<?>, Uni<Void>> effect) {
        routes.on(type, effect::apply);
    }

    /**
     * One poll of every topic, from the partitions this copy of the channel holds: the same partition number of every
     * topic (range assignment), so all events of one request, task or warning come to one copy and copies never
     * update the same board row. Each topic's records are applied in a transaction of their own, under the
     * processed-event name the topic always had.
     */
    @Incoming("events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return InOrder.each(records.partitions().stream().map(TopicPartition::topic).distinct().sorted().toList(),
                        topic -> inbox.consumeAll("notification-service." + topic.substring("gongzhi.".length()),
                                records.records(topic), routes))
                .invoke(live::wake);
    }
}
