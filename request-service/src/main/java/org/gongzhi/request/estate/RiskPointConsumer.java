package org.gongzhi.request.estate;

import jakarta.enterprise.context.ApplicationScoped;
import org.gongzhi.events.RiskPointRegistered;
import org.gongzhi.platform.inbox.EventInbox.TopicReader;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Keeps where the alliance's risk points are (compacted {@code gongzhi.risk-points}), so the registry refuses to remove
 * a building or a place a risk point is at.
 */
@ApplicationScoped
public class RiskPointConsumer {
    private final EventRoutes routes;

    RiskPointConsumer(EstateRepository estate) {
        this.routes = EventRoutes.create().on(RiskPointRegistered.class, e -> {
            RiskPointRegistered r = e.data();
            RiskPointLocation location = new RiskPointLocation();
            location.id = r.id();
            location.communityId = r.communityId();
            location.name = r.name();
            location.building = r.building();
            location.place = r.place();
            location.version = r.version();
            return estate.keep(location);
        });
    }

    /** How the field reports' channel applies {@code gongzhi.risk-points} (`progress.FieldReportsConsumer`). */
    public TopicReader reader() {
        return new TopicReader("request-service.risk-points", routes);
    }
}
