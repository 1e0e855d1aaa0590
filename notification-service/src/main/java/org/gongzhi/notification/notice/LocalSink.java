package org.gongzhi.notification.notice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongzhi.notification.notice.NoticeChannel.OutgoingNotice;

/** Where SMS and email go when no gateway is configured: a JSON-lines file a developer can read (tail -f). */
@ApplicationScoped
public class LocalSink {
    private final Path file;
    private final ObjectMapper json;

    LocalSink(NoticeConfig config, ObjectMapper json) {
        this.file = Path.of(config.sinkFile()).toAbsolutePath();
        this.json = json;
    }

    public Uni<Void> write(OutgoingNotice notice) {
        return Uni.createFrom().item(() -> {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("delivery", notice.deliveryId());
            line.put("channel", notice.channel());
            line.put("to", notice.address());
            line.put("language", notice.language());
            line.put("title", notice.title());
            line.put("body", notice.body());
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                synchronized (this) {
                    Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the notice sink " + file, e);
            }
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public Path file() {
        return file;
    }
}
