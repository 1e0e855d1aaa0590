package org.gongzhi.request.progress;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.gongzhi.events.CaseResolved;
import org.gongzhi.events.MeetingConvened;
import org.gongzhi.events.TaskAssigned;
import org.gongzhi.events.TaskDeadlineChanged;
import org.gongzhi.events.TaskEscalated;
import org.gongzhi.events.TaskStatusChanged;
import org.gongzhi.platform.inbox.EventInbox;
import org.gongzhi.platform.inbox.EventRoutes;

/** The alliance's task events move requests along. */
@ApplicationScoped
public class TaskConsumer {
    private final EventInbox inbox;
    private final EventRoutes routes;

    TaskConsumer(EventInbox inbox, TrackProgress progress) {
        this.inbox = inbox;
        this.routes = EventRoutes.create()
                .on(TaskAssigned.class, progress::taskAssigned)
                .on(TaskStatusChanged.class, progress::taskChanged)
                .on(TaskDeadlineChanged.class, progress::taskDeadlineChanged)
                .on(TaskEscalated.class, progress::taskEscalated)
                .on(MeetingConvened.class, progress::meetingConvened)
                .on(CaseResolved.class, progress::allianceResolved);
    }

    @Incoming("tasks")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.consumeAll("request-service.tasks", records, routes);
    }
}
