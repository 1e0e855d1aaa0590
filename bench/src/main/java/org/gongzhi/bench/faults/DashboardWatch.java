package org.gongzhi.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.events.EventType;

/**
 * The dispatcher's dashboard as the checker watches it: notification-service's {@code GET /api/stream} with a
 * worker's token, opened before the load starts and reopened after {@code Last-Event-ID} whenever the stream breaks
 * (the service is killed, restarted), as the dashboard page does. With several notification-service instances it
 * follows one and, when that one's stream breaks, goes on from the next (every instance serves the same event log).
 * devstack's {@code SseClient} reads one connection and stops with it, so it cannot follow a service that is killed on
 * purpose.
 */
final class DashboardWatch implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMITTED = EventType.REQUEST_SUBMITTED.ceType();

    private final List<URI> streams;
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final Set<String> submitted = ConcurrentHashMap.newKeySet();
    private final CountDownLatch open = new CountDownLatch(1);
    private final Thread reader;
    private volatile long lastEventId;
    private volatile boolean running = true;
    private volatile Stream<String> lines;

    /**
     * Follows the stream of the first of {@code notificationInstances} from the event after {@code after} (the log's
     * head when the scenario starts).
     */
    DashboardWatch(List<URI> notificationInstances, long after) {
        this.streams = notificationInstances.stream().map(u -> u.resolve("/api/stream")).toList();
        this.lastEventId = after;
        this.reader = new Thread(this::follow, "faults-dashboard");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the stream first answers, so no event of the load can come before it. */
    void awaitOpen(Duration max) {
        try {
            if (!open.await(max.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the dashboard stream did not open within " + max);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CloudEvents ids that came down the stream. */
    Set<String> eventIds() {
        return Set.copyOf(eventIds);
    }

    /** The request ids whose {@code request.submitted} came down the stream. */
    Set<String> submitted() {
        return Set.copyOf(submitted);
    }

    private void follow() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1).build();
        int instance = 0;
        while (running) {
            try {
                HttpRequest request = HttpRequest.newBuilder(streams.get(instance))
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + DevTokens.worker())
                        .header("Last-Event-ID", String.valueOf(lastEventId)).GET().build();
                HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    response.body().close();
                } else {
                    lines = response.body();
                    open.countDown();
                    String[] id = new String[1];
                    lines.forEach(line -> {
                        if (line.startsWith("id:")) {
                            id[0] = line.substring(3).trim();
                        } else if (line.startsWith("data:")) {
                            read(line.substring(5));
                        } else if (line.isEmpty() && id[0] != null) {
                            lastEventId = Long.parseLong(id[0]);
                            id[0] = null;
                        }
                    });
                }
            } catch (Exception broken) {
                // the instance is away: try again shortly, from the last event seen, on the next instance
            }
            instance = (instance + 1) % streams.size();
            if (running) {
                pause();
            }
        }
    }

    private void read(String data) {
        try {
            JsonNode event = JSON.readTree(data);
            String id = event.path("id").asText(null);
            if (id != null) {
                eventIds.add(id);
            }
            if (SUBMITTED.equals(event.path("type").asText())) {
                String request = event.path("data").path("requestId").asText(null);
                submitted.add(request != null ? request : event.path("subject").asText());
            }
        } catch (Exception notJson) {
            // not an event this checker reads
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Stream<String> s = lines;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing a live body may complain; the thread is a daemon
            }
        }
        reader.interrupt();
    }
}
