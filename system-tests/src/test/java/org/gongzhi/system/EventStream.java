package org.gongzhi.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A server-sent-event client that records every {@code data:} line it receives, as a browser would see them. */
final class EventStream implements AutoCloseable {
    private final List<String> data = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    EventStream(URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    data.add("HTTP " + response.statusCode());
                    return;
                }
                lines = response.body();
                lines.filter(line -> line.startsWith("data:")).forEach(line -> data.add(line.substring(5).trim()));
            } catch (Exception closed) {
                // the stream ends when the test closes it
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    List<String> data() {
        return data;
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        reader.interrupt();
    }
}
