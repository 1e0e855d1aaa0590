package org.gongzhi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo partner's own system: the endpoint its webhook delivers to, on this machine (the local run lets
 * notification-service send to loopback). It answers 204 to every POST and writes one line per delivery — time,
 * {@code webhook-id}, event type, whether it was signed — to its log, so a demo shows signed messages arriving.
 */
public final class PartnerReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as the partner received it. */
    public record Delivery(String webhookId, String type, boolean signed, Instant receivedAt) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private PartnerReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port}; appends to {@code log} (created with its folder). */
    public static PartnerReceiver start(int port, Path log) {
        try {
            Files.createDirectories(log.getParent());
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            PartnerReceiver receiver = new PartnerReceiver(server);
            server.createContext("/hooks/gongzhi", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    if (!"POST".equals(exchange.getRequestMethod())) {
                        exchange.sendResponseHeaders(405, -1);
                        return;
                    }
                    String id = exchange.getRequestHeaders().getFirst("webhook-id");
                    boolean signed = exchange.getRequestHeaders().getFirst("webhook-signature") != null;
                    JsonNode message = JSON.readTree(body);
                    Delivery delivery = new Delivery(id, message.path("type").asText(), signed, Instant.now());
                    receiver.deliveries.add(delivery);
                    Files.writeString(log, delivery.receivedAt() + " " + id + " " + delivery.type()
                            + (signed ? " signed" : " UNSIGNED") + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("the demo partner's webhook receiver could not listen on " + port, e);
        }
    }

    /** The address the demo registers as the partner's webhook. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/gongzhi");
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
