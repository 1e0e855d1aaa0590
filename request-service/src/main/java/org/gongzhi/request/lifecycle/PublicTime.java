package org.gongzhi.request.lifecycle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as residents read them in public texts: the community's local time, to the minute. */
public final class PublicTime {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private PublicTime() {
    }

    public static String of(Instant at) {
        return at == null ? "—" : MINUTE.format(at);
    }
}
