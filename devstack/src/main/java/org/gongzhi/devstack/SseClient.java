package org.gongzhi.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent-event stream as a browser would: each event's id, name and data. */
public final class SseClient implements AutoCloseable {
    public record Event(String id, String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private volatile Stream<String> lines;

    public SseClient(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                        .send(request.build(), HttpResponse.BodyHandlers.ofLines());
                status.complete(response.statusCode());
                lines = response.body();
                String[] current = new String[3];
                lines.forEach(line -> {
                    if (line.startsWith("id:")) {
                        current[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        current[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        current[2] = line.substring(5).trim();
                    } else if (line.isEmpty() && current[2] != null) {
                        events.add(new Event(current[0], current[1], current[2]));
                        current[0] = current[1] = current[2] = null;
                    }
                });
            } catch (Exception closed) {
                status.complete(-1);
            }
        }, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public List<Event> events() {
        return events;
    }

    public int status() {
        return status.join();
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
    }
}
