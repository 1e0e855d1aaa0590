package org.gongzhi.notification.eventlog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
        this.routes = all;
    }

    private static <T extends GongzhiEvent> void route(EventRoutes routes, Class<T> type,
            Function<InboundEvent<?>, Uni<Void>> effect) {
        routes.on(type, effect::apply);
    }

    private Uni<Void> consume(String channel, ConsumerRecords<String, String> records) {
        return inbox.consumeAll("notification-service." + channel, records, routes).invoke(live::wake);
    }

    @Incoming("requests")
    public Uni<Void> requests(ConsumerRecords<String, String> records) {
        return consume("requests", records);
    }

    @Incoming("tasks")
    public Uni<Void> tasks(ConsumerRecords<String, String> records) {
        return consume("tasks", records);
    }

    @Incoming("volunteering")
    public Uni<Void> volunteering(ConsumerRecords<String, String> records) {
        return consume("volunteering", records);
    }

    @Incoming("deliberation")
    public Uni<Void> deliberation(ConsumerRecords<String, String> records) {
        return consume("deliberation", records);
    }

    @Incoming("warnings")
    public Uni<Void> warnings(ConsumerRecords<String, String> records) {
        return consume("warnings", records);
    }
}
