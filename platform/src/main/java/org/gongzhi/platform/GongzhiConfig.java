package org.gongzhi.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every service shares. */
@ConfigMapping(prefix = "gongzhi")
public interface GongzhiConfig {

    /** The service's name: the CloudEvents {@code source} of everything it publishes. */
    String service();

    /** The community a caller belongs to when the token names none. */
    @WithDefault("hepingli")
    String defaultCommunity();

    Outbox outbox();

    interface Outbox {
        /** Whether this instance runs the relay (several may; one publishes at a time). */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay sweeps for rows even when no commit woke it (after a crash, or Kafka was down). */
        @WithDefault("2s")
        Duration sweepInterval();

        /** Rows published per broker round trip. */
        @WithDefault("500")
        int batchSize();

        /** How long published rows are kept before they are purged. */
        @WithDefault("7d")
        Duration retention();
    }
}
