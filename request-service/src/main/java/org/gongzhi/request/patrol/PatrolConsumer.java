package org.gongzhi.request.patrol;

import jakarta.enterprise.context.ApplicationScoped;
import org.gongzhi.events.PatrolProblemFound;
import org.gongzhi.platform.inbox.EventInbox.TopicReader;
import org.gongzhi.platform.inbox.EventRoutes;

/** Problems the alliance's patrols find at risk points become requests; the other warning events pass by. */
@ApplicationScoped
public class PatrolConsumer {
    private final EventRoutes routes;

    PatrolConsumer(PatrolIntake intake) {
        this.routes = EventRoutes.create().on(PatrolProblemFound.class, intake::problemFound);
    }

    /** How the field reports' channel applies {@code gongzhi.warnings} (`progress.FieldReportsConsumer`). */
    public TopicReader reader() {
        return new TopicReader("request-service.warnings", routes);
    }
}
