package org.gongzhi.alliance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a server-sent-event stream the way a partner's client would, with a bounded wait. */
public final class SseProbe {
    private SseProbe() {
    }

    public record Event(String id, String name, String data) {
    }

    public record Opened(int status, List<Event> events) {
    }

    /** Opens the stream and collects events until {@code done} holds or the time is up. */
    public static Opened collect(URI uri, String token, String lastEventId, Predicate<List<Event>> done,
            Duration atMost) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        List<Event> events = new ArrayList<>();
        if (response.statusCode() != 200) {
            response.body().close();
            return new Opened(response.statusCode(), events);
        }
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Stream<String> lines = response.body();
        Future<?> reading = reader.submit(() -> {
            Iterator<String> it = lines.iterator();
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        synchronized (events) {
                            events.add(new Event(id, name, data.toString()));
                            if (done.test(events)) {
                                return;
                            }
                        }
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        });
        try {
            reading.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
        } finally {
            lines.close();
            reader.shutdownNow();
        }
        synchronized (events) {
            return new Opened(200, List.copyOf(events));
        }
    }
}
