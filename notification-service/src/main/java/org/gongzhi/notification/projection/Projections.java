package org.gongzhi.notification.projection;

import io.quarkus.arc.All;
import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import org.gongzhi.platform.inbox.EventRoutes;

/**
 * Every {@link Projection} of the service, in the order their effects run for one event: by kind (read models, then
 * notices, then webhook messages), and within a kind by class name — projections of one kind keep tables of their
 * own, so their order among themselves changes nothing, but it is the same on every start.
 */
@ApplicationScoped
public class Projections {
    private final List<Projection> inOrder;

    Projections(@All List<Projection> projections) {
        this.inOrder = projections.stream()
                .sorted(Comparator.comparing(Projection::kind)
                        .thenComparing(p -> ClientProxy.unwrap(p).getClass().getName()))
                .toList();
    }

    /** The projections in the order their effects run. */
    public List<Projection> inOrder() {
        return inOrder;
    }

    /** The routes of every projection, one after the other: what the consumer runs for an event. */
    public EventRoutes routes() {
        EventRoutes all = EventRoutes.create();
        inOrder.forEach(p -> all.then(own(p)));
        return all;
    }

    /** The routes of the projections a rebuild replays (the read models): nothing sent to people twice. */
    public EventRoutes replayed() {
        EventRoutes replayed = EventRoutes.create();
        inOrder.stream().filter(p -> p.kind().replayed()).forEach(p -> replayed.then(own(p)));
        return replayed;
    }

    /** The tables of the projections a rebuild replays: what it empties before the replay. */
    public List<String> replayedTables() {
        return inOrder.stream().filter(p -> p.kind().replayed()).flatMap(p -> p.tables().stream()).distinct()
                .toList();
    }

    /** A projection's routes on their own, so that what it registers for "every other type" is its own matter. */
    private static EventRoutes own(Projection projection) {
        EventRoutes routes = EventRoutes.create();
        projection.register(routes);
        return routes;
    }
}
