package org.gongzhi.notification.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/** How residents' notices are sent. */
@ConfigMapping(prefix = "gongzhi.notices")
public interface NoticeConfig {

    /** Quiet hours for a resident who set none: non-urgent SMS and email wait until they end. */
    @WithDefault("22:00")
    LocalTime quietFrom();

    @WithDefault("07:00")
    LocalTime quietUntil();

    /** How often due SMS and email deliveries are sent. */
    @WithDefault("2s")
    Duration dispatchEvery();

    /** Attempts before a delivery is given up as FAILED (backoff doubles from 30 s). */
    @WithDefault("5")
    int maxAttempts();

    /** The SMS gateway: JSON {@code {"to", "text"}} is POSTed here. Unset: SMS go to the local sink. */
    Optional<String> smsGatewayUrl();

    /**
     * Send email over SMTP with quarkus-mailer ({@code quarkus.mailer.*}). Off: email goes to the local sink, like SMS
     * without a gateway.
     */
    @WithDefault("false")
    boolean emailSmtp();

    /** The local sink: one JSON line per SMS or email that would have been sent, for a developer to read. */
    @WithDefault("notice-sink.jsonl")
    String sinkFile();

    /**
     * The community secretary of each community, by community id: who hears of a task escalated to the secretary
     * (a missed deadline's second step, an overdue task, a task no party is left to take), by SMS and email when an
     * address is given.
     */
    Map<String, Person> secretaries();

    /** A person notices go to who is not a resident: a name and where to reach them. */
    interface Person {
        String name();

        Optional<String> phone();

        Optional<String> email();
    }
}
