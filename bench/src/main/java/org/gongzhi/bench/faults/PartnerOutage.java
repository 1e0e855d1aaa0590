package org.gongzhi.bench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.PartnerReceiver;
import org.gongzhi.devstack.ServiceProcess;
import org.gongzhi.events.EventType;

/**
 * A partner's webhook receiver down for ten minutes while another partner's stays up. The suite's system retries
 * webhooks {@value #COMPRESSION} times faster than the defaults ({@link #ENVIRONMENT}), so ten minutes take
 * 600 / {@value #COMPRESSION} s: the same number of attempts fall inside the outage as would in production.
 */
final class PartnerOutage implements Scenario {
    static final int COMPRESSION = 25;
    /** notification-service's webhook retry delays (defaults 5 s doubling up to 1 h) divided by the compression. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "GONGZHI_WEBHOOKS_INITIAL_BACKOFF", (5000 / COMPRESSION) + "ms",
            "GONGZHI_WEBHOOKS_MAX_BACKOFF", (3600 / COMPRESSION) + "s");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> endpoints = new ArrayList<>();
    private PartnerReceiver down;
    private PartnerReceiver up;

    @Override
    public String name() {
        return "partner-outage";
    }

    @Override
    public String fault() {
        return "the property company's webhook receiver down for 10 minutes (compressed " + COMPRESSION
                + "×, retries likewise), the police's receiver up throughout";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(600 / COMPRESSION);
    }

    @Override
    public Duration quickDuration() {
        return duration(); // the compression is what makes it short; a shorter outage would prove less
    }

    @Override
    public void inject(LocalSystem system, Duration duration) throws Exception {
        URI notifications = system.url(ServiceProcess.Service.NOTIFICATION);
        Path logs = system.service(ServiceProcess.Service.NOTIFICATION).log().getParent();
        Path downLog = logs.resolve("partner-outage-property.log");
        down = PartnerReceiver.start(0, downLog);
        up = PartnerReceiver.start(0, logs.resolve("partner-outage-police.log"));
        endpoints.add(register(notifications, "property", down.url()));
        endpoints.add(register(notifications, "police", up.url()));
        int port = down.url().getPort();
        Thread.sleep(2000); // a few messages reach both before the outage
        down.close();
        Scenario.until(System.nanoTime() + duration.toNanos());
        down = PartnerReceiver.start(port, downLog);
    }

    private static String register(URI notifications, String org, URI receiver) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("url", receiver.toString());
        body.putArray("eventTypes").add(EventType.TASK_ASSIGNED.ceType()).add(EventType.TASK_STATUS_CHANGED.ceType());
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(notifications.resolve("/api/webhooks"))
                .header("Authorization", "Bearer " + DevTokens.partner(org)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("registering " + org + "'s webhook: " + answer.statusCode() + " "
                    + answer.body());
        }
        return JSON.readTree(answer.body()).path("id").asText();
    }

    @Override
    public void cleanUp(LocalSystem system) {
        URI notifications = system.url(ServiceProcess.Service.NOTIFICATION);
        for (String id : endpoints) {
            try {
                HTTP.send(HttpRequest.newBuilder(notifications.resolve("/api/webhooks/" + id))
                        .header("Authorization", "Bearer " + DevTokens.admin()).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                System.err.println("could not remove webhook " + id + ": " + e);
            }
        }
        endpoints.clear();
        for (PartnerReceiver r : new PartnerReceiver[] {down, up}) {
            try {
                if (r != null) {
                    r.close();
                }
            } catch (RuntimeException alreadyClosed) {
                // the outage's receiver, closed when a failure cut the scenario short
            }
        }
    }
}
