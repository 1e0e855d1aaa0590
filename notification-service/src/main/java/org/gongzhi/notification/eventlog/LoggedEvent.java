package org.gongzhi.notification.eventlog;

import java.time.Instant;

/** One event as the log keeps it: {@code seq} is the order the stream replays it in. */
public record LoggedEvent(long seq, String eventId, String type, String subject, String communityId,
        Instant occurredAt, String data) {
}
