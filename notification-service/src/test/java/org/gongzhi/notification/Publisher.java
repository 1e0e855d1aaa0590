package org.gongzhi.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;

/** Puts events on their topics as the other services would: CloudEvents headers, key = aggregate id. */
@ApplicationScoped
class Publisher {
    private final ObjectMapper json;

    Publisher(ObjectMapper json) {
        this.json = json;
    }

    /** Publishes with a fresh event id, which it returns. */
    String publish(GongzhiEvent event) {
        return publish(UUID.randomUUID().toString(), event);
    }

    String publish(String eventId, GongzhiEvent event) {
        EventType type = EventType.of(event.getClass());
        try {
            KafkaProbe.publish(type.topic(), event.aggregateId(), eventId, type.ceType(),
                    json.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }
}
