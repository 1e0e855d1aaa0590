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

    Admission admission();

    interface Admission {
        /**
         * Writes (POST, PUT, PATCH, DELETE under {@code /api/}) one instance works on at once; one more is answered
         * 503 with {@code Retry-After} at once instead of queueing. Bounds the memory and the latency of what is
         * accepted when more arrives than the service can commit (a surge, a cold start). The default is about what
         * one instance commits in five seconds at its best (~200 writes/s on two cores): beyond it a write would wait
         * longer than a caller should, while a busy but keeping-up instance refuses nothing.
         */
        @WithDefault("1000")
        int maxWritesInFlight();
    }

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
