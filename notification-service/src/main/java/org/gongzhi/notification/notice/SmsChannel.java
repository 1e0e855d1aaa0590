package org.gongzhi.notification.notice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** SMS through an HTTP gateway ({@code gongzhi.notices.sms-gateway-url}), or the local sink when none is set. */
@ApplicationScoped
public class SmsChannel implements NoticeChannel {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final NoticeConfig config;
    private final LocalSink sink;
    private final ObjectMapper json;

    SmsChannel(NoticeConfig config, LocalSink sink, ObjectMapper json) {
        this.config = config;
        this.sink = sink;
        this.json = json;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public Uni<Void> send(OutgoingNotice notice) {
        if (config.smsGatewayUrl().isEmpty()) {
            return sink.write(notice);
        }
        try {
            String body = json.writeValueAsString(Map.of("to", notice.address(),
                    "text", notice.title() + "：" + notice.body(), "reference", notice.deliveryId()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(config.smsGatewayUrl().get()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return Uni.createFrom().completionStage(() -> HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                    .map(response -> {
                        if (response.statusCode() / 100 != 2) {
                            throw new IllegalStateException("SMS gateway answered " + response.statusCode());
                        }
                        return null;
                    });
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
