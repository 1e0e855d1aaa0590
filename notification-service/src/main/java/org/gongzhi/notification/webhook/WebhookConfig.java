package org.gongzhi.notification.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Partner webhooks: what targets are allowed, how long to wait, how to retry. */
@ConfigMapping(prefix = "gongzhi.webhooks")
public interface WebhookConfig {

    /** Allow targets on private (RFC 1918, unique-local, link-local) addresses. Off: a webhook must not reach inside. */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Allow targets on loopback addresses (tests, a local receiver). */
    @WithDefault("false")
    boolean allowLoopback();

    /** How long one attempt may take before it counts as a timeout. */
    @WithDefault("10s")
    Duration timeout();

    /** The first retry's delay; each next one doubles, with ±20 % jitter, up to {@link #maxBackoff()}. */
    @WithDefault("5s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /**
     * Attempts before a delivery is FAILED: 10 spans at least 34 minutes of retries (5 s doubling, jitter drawn low), so
     * a receiver away for half an hour loses nothing (docs/reliability.md, partner-outage).
     */
    @WithDefault("10")
    int maxAttempts();

    /**
     * An endpoint whose last this many messages all ended FAILED is DISABLED until its owner re-enables it; 0 never
     * disables for failures.
     */
    @WithDefault("10")
    int disableAfterFailures();

    /** How long the previous secret stays valid after a rotation. */
    @WithDefault("24h")
    Duration secretGrace();

    /** How often due deliveries are picked up. */
    @WithDefault("1s")
    Duration dispatchEvery();

    /** Deliveries taken per endpoint per round: one busy endpoint cannot take every slot. */
    @WithDefault("5")
    int perEndpointBatch();
}
