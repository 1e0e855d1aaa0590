package org.gongzhi.notification.stream;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived, single-use tickets to open the stream from a browser (EventSource cannot send an Authorization header,
 * and a long-lived token in a URL ends up in logs). Kept in memory: a ticket is redeemed on the instance that issued it.
 */
@ApplicationScoped
public class StreamTickets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    record Ticket(String communityId, String holder, Instant expiresAt) {
    }

    StreamTickets(Clock clock, @ConfigProperty(name = "gongzhi.stream.ticket-lifetime", defaultValue = "PT60S")
            Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String issue(String communityId, String holder) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tickets.values().removeIf(t -> t.expiresAt().isBefore(now));
        tickets.put(ticket, new Ticket(communityId, holder, now.plus(lifetime)));
        return ticket;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The community of a valid ticket, which is used up. */
    public Optional<String> redeem(String ticket) {
        Ticket t = ticket == null ? null : tickets.remove(ticket);
        return t == null || t.expiresAt().isBefore(clock.instant()) ? Optional.empty() : Optional.of(t.communityId());
    }
}
