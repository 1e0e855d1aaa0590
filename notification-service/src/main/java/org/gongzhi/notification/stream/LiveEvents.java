package org.gongzhi.notification.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongzhi.notification.eventlog.EventLog;
import org.gongzhi.notification.eventlog.LoggedEvent;
import org.jboss.logging.Logger;

/**
 * Follows the event log for each open stream. A follower reads everything after its cursor whenever it is woken —
 * right after a consumer commits, and by a sweep every few seconds — so a resumed or slow stream never has a gap.
 */
@ApplicationScoped
public class LiveEvents {
    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    private static final int BATCH = 500;

    private final EventLog log;
    private final ObjectMapper json;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();

    LiveEvents(EventLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    /** The events of a community after {@code seq}, then every new one as it is logged. */
    public Multi<LoggedEvent> follow(String communityId, long seq) {
        return Multi.createFrom().<LoggedEvent>emitter(emitter -> {
            Follower follower = new Follower(communityId, seq, emitter);
            followers.add(follower);
            emitter.onTermination(() -> followers.remove(follower));
            follower.wake();
        }, BackPressureStrategy.BUFFER);
    }

    /** Called after a consumer's transaction committed. */
    public void wake() {
        followers.forEach(Follower::wake);
    }

    @Scheduled(every = "${gongzhi.stream.sweep:5s}")
    void sweep() {
        wake();
    }

    public int followers() {
        return followers.size();
    }

    /** The SSE data of an event: its CloudEvents attributes and its data. */
    public String render(LoggedEvent e) {
        try {
            ObjectNode node = json.createObjectNode().put("id", e.eventId()).put("type", e.type())
                    .put("subject", e.subject()).put("time", e.occurredAt() == null ? null : e.occurredAt().toString());
            node.set("data", json.readTree(e.data()));
            return json.writeValueAsString(node);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private final class Follower {
        private final String communityId;
        private final MultiEmitter<? super LoggedEvent> emitter;
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile long cursor;

        Follower(String communityId, long cursor, MultiEmitter<? super LoggedEvent> emitter) {
            this.communityId = communityId;
            this.cursor = cursor;
            this.emitter = emitter;
        }

        void wake() {
            pending.set(true);
            if (running.compareAndSet(false, true)) {
                pump();
            }
        }

        private void pump() {
            pending.set(false);
            log.after(communityId, cursor, BATCH).subscribe().with(this::emit, failure -> {
                LOG.warnf("stream follower paused: %s", failure.getMessage());
                running.set(false);
            });
        }

        private void emit(List<LoggedEvent> events) {
            for (LoggedEvent event : events) {
                if (emitter.isCancelled()) {
                    return;
                }
                emitter.emit(event);
                cursor = event.seq();
            }
            if (events.size() == BATCH || pending.get()) {
                pump();
            } else {
                running.set(false);
                if (pending.get() && running.compareAndSet(false, true)) {
                    pump();
                }
            }
        }
    }
}
