package org.gongzhi.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings every service shares. */
@ConfigMapping(prefix = "gongzhi")
public interface GongzhiConfig {

    /** The service's name: the CloudEvents {@code source} of everything it publishes. */
    String service();

    /** The community a caller belongs to when the token names none. */
    @WithDefault("hepingli")
    String defaultCommunity();

    Outbox outbox();

    Security security();

    Limits limits();

    Console console();

    /** The dispatcher's console page: where its scripts may connect (the CSP's {@code connect-src}). */
    interface Console {
        /**
         * Origins of the other services' APIs the console calls from the browser ({@code http://localhost:8081}, …),
         * besides its own: each is added to the pages' {@code connect-src}.
         */
        Optional<List<String>> apiOrigins();

        /** The console's own origins, which every service allows cross-origin calls from (CORS, set beside it). */
        List<String> origins();
    }

    /**
     * A fair share for every caller (platform's {@code FairShare}): how fast and how many at once one caller may
     * write, and how many streams it may hold open. A caller is the token's subject, else the API key, else the
     * client's address; its share is that of its role ({@code roles.<role>}: resident, worker, partner, volunteer,
     * admin, integrator for an API key, anonymous for an address).
     */
    interface Limits {
        @WithDefault("true")
        boolean enabled();

        /** The shares by role; a role not listed gets the anonymous share. */
        Map<String, Share> roles();

        /** GET paths (prefixes) that are streams, counted against {@code streams}; any {@code text/event-stream} too. */
        @WithDefault("/api/stream,/api/partners/me/feed")
        List<String> streamPaths();

        /** Callers tracked at once; beyond it a new token's caller is counted by its address. */
        @WithDefault("50000")
        int maxCallers();
    }

    interface Share {
        /** Writes a second, on average. */
        @WithDefault("2")
        double writesPerSecond();

        /** Writes in a burst above the average. */
        @WithDefault("10")
        int writeBurst();

        /** Writes being worked on at once. */
        @WithDefault("4")
        int writesInFlight();

        /** Streams open at once. */
        @WithDefault("2")
        int streams();
    }

    interface Security {
        /** A token without a {@code community} claim is refused 401; false: it belongs to the default community. */
        @WithDefault("true")
        boolean communityClaimRequired();
    }

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

        /**
         * How long PostgreSQL lets a transaction of the JDBC pool (the relay's) sit idle before ending it, in
         * milliseconds: longer than the relay's wait for the broker (15 s), short enough that a hung relay does not
         * hold the publishing lock for long. Read by the pool's connection options (platform's config).
         */
        @WithDefault("30000")
        long idleTransactionLimitMs();
    }
}
