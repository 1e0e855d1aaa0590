package org.gongzhi.platform.inbox;

import io.smallrye.mutiny.Uni;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;

/** Which effect a consumer has for each event type it cares about; other types on the topic pass by. */
public final class EventRoutes {
    private final Map<EventType, Function<InboundEvent<?>, Uni<Void>>> routes = new EnumMap<>(EventType.class);
    private Supplier<Uni<Void>> beforeCommit = () -> Uni.createFrom().voidItem();

    public static EventRoutes create() {
        return new EventRoutes();
    }

    @SuppressWarnings("unchecked")
    public <T extends GongzhiEvent> EventRoutes on(Class<T> dataClass, Function<InboundEvent<T>, Uni<Void>> effect) {
        routes.put(EventType.of(dataClass), event -> effect.apply((InboundEvent<T>) event));
        return this;
    }

    /**
     * Work done once at the end of each of the consumer's transactions, after its events' effects and before the
     * commit (e.g. one multi-row insert of what the effects gathered, or a lock held only until the commit).
     */
    public EventRoutes beforeCommit(Supplier<Uni<Void>> work) {
        this.beforeCommit = work;
        return this;
    }

    Uni<Void> finishTransaction() {
        return beforeCommit.get();
    }

    Optional<Function<InboundEvent<?>, Uni<Void>>> route(EventType type) {
        return Optional.ofNullable(routes.get(type));
    }
}
