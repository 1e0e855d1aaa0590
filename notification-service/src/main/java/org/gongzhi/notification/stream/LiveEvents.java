package org.gongzhi.notification.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongzhi.notification.eventlog.EventLog;
import org.gongzhi.notification.eventlog.LoggedEvent;
import org.jboss.logging.Logger;

/**
 * Follows the event log for the open streams. The streams of one community share a {@link CommunityFeed}: whenever it
 * is woken — right after a consumer commits, and by a sweep every few seconds — it reads the community's events after
 * its followers' cursors once, renders each event once, and hands the same text to every follower it is new to, so a
 * resumed or slow stream never has a gap and the cost does not grow with the number of open dashboards.
 */
@ApplicationScoped
public class LiveEvents {
    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    private static final int BATCH = 500;

    private final EventLog log;
    private final ObjectMapper json;
    private final Map<String, CommunityFeed> feeds = new ConcurrentHashMap<>();

    LiveEvents(EventLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    /** The events of a community after {@code seq}, then every new one as it is logged. */
    public Multi<LiveEvent> follow(String communityId, long seq) {
        return Multi.createFrom().<LiveEvent>emitter(emitter -> {
            Follower follower = new Follower(seq, emitter);
            CommunityFeed feed = feeds.compute(communityId, (id, existing) -> {
                CommunityFeed f = existing != null ? existing : new CommunityFeed(id);
                f.followers.add(follower);
                return f;
            });
            emitter.onTermination(() -> feeds.computeIfPresent(communityId, (id, f) -> {
                f.followers.remove(follower);
                return f.followers.isEmpty() ? null : f;
            }));
            feed.wake();
        }, BackPressureStrategy.BUFFER);
    }

    /** Called after a consumer's transaction committed. */
    public void wake() {
        feeds.values().forEach(CommunityFeed::wake);
    }

    @Scheduled(every = "${gongzhi.stream.sweep:5s}")
    void sweep() {
        wake();
    }

    public int followers() {
        return feeds.values().stream().mapToInt(f -> f.followers.size()).sum();
    }

    /** The SSE data of an event: its CloudEvents attributes and its data. */
    String render(LoggedEvent e) {
        try {
            ObjectNode node = json.createObjectNode().put("id", e.eventId()).put("type", e.type())
                    .put("subject", e.subject()).put("time", e.occurredAt() == null ? null : e.occurredAt().toString());
            node.set("data", json.readTree(e.data()));
            return json.writeValueAsString(node);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** One open stream: where it is in the log. */
    private static final class Follower {
        private final MultiEmitter<? super LiveEvent> emitter;
        private volatile long cursor;

        Follower(long cursor, MultiEmitter<? super LiveEvent> emitter) {
            this.cursor = cursor;
            this.emitter = emitter;
        }
    }

    /**
     * The open streams of one community and the one reader they share. A read starts after the lowest cursor; an event
     * goes to each follower whose cursor the read started at or after (for those the read has no gap) and that has not
     * had it yet. A follower further behind — one that joined during the read — is served by the next read, which the
     * wake of its joining asked for.
     */
    private final class CommunityFeed {
        private final String communityId;
        private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicBoolean pending = new AtomicBoolean();

        CommunityFeed(String communityId) {
            this.communityId = communityId;
        }

        void wake() {
            pending.set(true);
            if (running.compareAndSet(false, true)) {
                pump();
            }
        }

        private void pump() {
            pending.set(false);
            long from = Long.MAX_VALUE;
            for (Follower follower : followers) {
                from = Math.min(from, follower.cursor);
            }
            if (from == Long.MAX_VALUE) {
                done();
                return;
            }
            long start = from;
            log.after(communityId, start, BATCH).subscribe().with(events -> emit(start, events), failure -> {
                LOG.warnf("stream follower paused: %s", failure.getMessage());
                running.set(false);
            });
        }

        private void emit(long start, List<LoggedEvent> events) {
            List<Follower> reading = followers.stream().filter(f -> f.cursor >= start).toList();
            for (LoggedEvent event : events) {
                LiveEvent live = null;
                for (Follower follower : reading) {
                    if (follower.emitter.isCancelled() || follower.cursor >= event.seq()) {
                        continue;
                    }
                    if (live == null) {
                        live = new LiveEvent(event.seq(), event.type(), render(event));
                    }
                    follower.emitter.emit(live);
                    follower.cursor = event.seq();
                }
            }
            if (events.size() == BATCH || pending.get()) {
                pump();
            } else {
                done();
            }
        }

        private void done() {
            running.set(false);
            if (pending.get() && running.compareAndSet(false, true)) {
                pump();
            }
        }
    }
}
