package org.gongzhi.platform.inbox;

import java.time.Instant;
import org.gongzhi.events.EventType;
import org.gongzhi.events.GongzhiEvent;

/** An event as a consumer receives it: its CloudEvents attributes and its decoded data. */
public record InboundEvent<T extends GongzhiEvent>(
        String id,
        EventType type,
        String source,
        String subject,
        Instant time,
        T data) {
}
