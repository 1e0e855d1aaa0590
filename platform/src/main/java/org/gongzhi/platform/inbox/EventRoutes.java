package org.gongzhi.platform.inbox;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;
import org.gongzhi.platform.reactive.InOrder;

/**
 * Which effects a consumer has for each event type it cares about; other types on the topic pass by. A type may have
 * several effects: they run one after the other, in the order they were registered, inside the consumer's
 * transaction.
 */
public final class EventRoutes {
    private final Map<EventType, List<Function<InboundEvent<?>, Uni<Void>>>> routes = new EnumMap<>(EventType.class);
    private final List<Supplier<Uni<Void>>> beforeCommit = new ArrayList<>();

    public static EventRoutes create() {
        return new EventRoutes();
    }

    /** One more effect for events of {@code dataClass}, after those already registered for it. */
    @SuppressWarnings("unchecked")
    public <T extends GongzhiEvent> EventRoutes on(Class<T> dataClass,
            Function<? super InboundEvent<T>, Uni<Void>> effect) {
        return add(EventType.of(dataClass), event -> effect.apply((InboundEvent<T>) event));
    }

    /** One more effect for events of every type. */
    public EventRoutes onEvery(Function<InboundEvent<?>, Uni<Void>> effect) {
        for (EventType type : EventType.values()) {
            add(type, effect);
        }
        return this;
    }

    /**
     * An effect for events of every type that has none so far in these routes: register it after the types that
     * have their own.
     */
    public EventRoutes onEveryOther(Function<InboundEvent<?>, Uni<Void>> effect) {
        for (EventType type : EventType.values()) {
            if (!routes.containsKey(type)) {
                add(type, effect);
            }
        }
        return this;
    }

    /**
     * The effects of {@code more} (and its work before the commit) after those already registered here, type by
     * type: how a consumer runs several projections, each of which declares its own routes.
     */
    public EventRoutes then(EventRoutes more) {
        more.routes.forEach((type, effects) -> effects.forEach(effect -> add(type, effect)));
        beforeCommit.addAll(more.beforeCommit);
        return this;
    }

    /**
     * Work done once at the end of each of the consumer's transactions, after its events' effects and before the
     * commit (e.g. one multi-row insert of what the effects gathered, or a lock held only until the commit).
     */
    public EventRoutes beforeCommit(Supplier<Uni<Void>> work) {
        beforeCommit.add(work);
        return this;
    }

    /** Whether events of {@code type} have any effect here. */
    public boolean handles(EventType type) {
        return routes.containsKey(type);
    }

    /**
     * Runs every effect registered for the event's type, in order (nothing for a type without one), in the caller's
     * transaction: e.g. a replay of logged events through the same routes the consumer has.
     */
    public Uni<Void> apply(InboundEvent<?> event) {
        return route(event.type()).map(effect -> effect.apply(event)).orElseGet(() -> Uni.createFrom().voidItem());
    }

    Uni<Void> finishTransaction() {
        return InOrder.each(beforeCommit, Supplier::get);
    }

    Optional<Function<InboundEvent<?>, Uni<Void>>> route(EventType type) {
        List<Function<InboundEvent<?>, Uni<Void>>> effects = routes.get(type);
        if (effects == null) {
            return Optional.empty();
        }
        if (effects.size() == 1) {
            return Optional.of(effects.get(0));
        }
        List<Function<InboundEvent<?>, Uni<Void>>> inOrder = List.copyOf(effects);
        return Optional.of(event -> InOrder.each(inOrder, effect -> effect.apply(event)));
    }

    private EventRoutes add(EventType type, Function<InboundEvent<?>, Uni<Void>> effect) {
        routes.computeIfAbsent(type, t -> new ArrayList<>()).add(effect);
        return this;
    }
}
