package org.gongzhi.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongzhi.platform.GongzhiConfig;
import org.gongzhi.platform.problem.Problem;
import org.gongzhi.platform.security.Roles;

/**
 * A fair share for every caller: one caller's writes are limited in rate (a token bucket) and in number at once, and
 * its open streams in number, by its role ({@code gongzhi.limits.roles.<role>}); beyond its share a caller is
 * answered {@code 429} problem+json with {@code Retry-After} at the door, before anything is read or written, so one
 * flooding caller cannot take the service from the others. {@link Admission} still guards the service as a whole.
 *
 * <p>A caller is the token's subject (its role the most trusted of its groups), else an API key ({@code X-Api-Key}
 * or {@code ?api_key=}), else the client's address. The token is read, not verified, here: verification follows,
 * and a forged token is refused there. Its subject only decides whose share a request is counted against.
 */
@ApplicationScoped
public class FairShare {
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    /** Most trusted first: a token with several groups gets the share of the first it has. */
    private static final List<String> ROLE_ORDER = List.of(Roles.ADMIN, Roles.WORKER, Roles.PARTNER,
            Roles.VOLUNTEER, Roles.RESIDENT);
    static final String INTEGRATOR = "integrator";
    static final String ANONYMOUS = "anonymous";

    private final GongzhiConfig.Limits config;
    private final ObjectMapper json;
    private final Counter refused;
    private final ConcurrentHashMap<String, CallerShare> callers = new ConcurrentHashMap<>();

    FairShare(GongzhiConfig config, MeterRegistry registry, ObjectMapper json) {
        this.config = config.limits();
        this.json = json;
        this.refused = registry.counter("gongzhi.limits.refused");
    }

    void register(@Observes Filters filters) {
        if (config.enabled()) {
            // before Admission (1000): a flooding caller's writes are refused without taking the service's places
            filters.register(this::admit, 1100);
        }
    }

    private void admit(RoutingContext context) {
        String path = context.normalizedPath();
        HttpMethod method = context.request().method();
        boolean write = WRITES.contains(method) && (path.startsWith("/api/") || path.startsWith("/open311/"));
        boolean stream = !write && method == HttpMethod.GET && isStream(context, path);
        if (!write && !stream) {
            context.next();
            return;
        }
        CallerShare share = shareOf(context);
        String refusal = write ? share.startWrite(System.nanoTime()) : share.openStream();
        if (refusal != null) {
            refused.increment();
            long retryAfter = write ? share.secondsUntilNextWrite(System.nanoTime()) : 5;
            context.response().setStatusCode(429)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", String.valueOf(retryAfter))
                    .end(body(refusal + " Nothing was changed; try again in " + retryAfter
                            + (retryAfter == 1 ? " second." : " seconds."), path));
            return;
        }
        context.addEndHandler(ended -> {
            if (write) {
                share.endWrite();
            } else {
                share.closeStream();
            }
        });
        context.next();
    }

    private boolean isStream(RoutingContext context, String path) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/event-stream")) {
            return true;
        }
        return config.streamPaths().stream().anyMatch(path::startsWith);
    }

    private CallerShare shareOf(RoutingContext context) {
        Identity who = identify(context);
        CallerShare known = callers.get(who.key());
        if (known != null) {
            return known;
        }
        if (callers.size() >= config.maxCallers()) {
            evictIdle();
            if (callers.size() >= config.maxCallers()) {
                who = new Identity("ip:" + address(context), ANONYMOUS);
            }
        }
        String role = who.role();
        return callers.computeIfAbsent(who.key(), k -> new CallerShare(shareFor(role)));
    }

    private GongzhiConfig.Share shareFor(String role) {
        GongzhiConfig.Share share = config.roles().get(role);
        return share != null ? share : config.roles().get(ANONYMOUS);
    }

    /** Forgets callers with nothing in flight whose bucket has filled up again: they are as if new. */
    private void evictIdle() {
        long now = System.nanoTime();
        callers.values().removeIf(c -> c.idle(now));
    }

    record Identity(String key, String role) {
    }

    private Identity identify(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Identity fromToken = fromToken(authorization.substring(7).trim());
            if (fromToken != null) {
                return fromToken;
            }
        }
        String apiKey = context.request().getHeader("X-Api-Key");
        if (apiKey == null) {
            apiKey = context.request().getParam("api_key");
        }
        if (apiKey != null && !apiKey.isBlank()) {
            return new Identity("key:" + apiKey, INTEGRATOR);
        }
        return new Identity("ip:" + address(context), ANONYMOUS);
    }

    private Identity fromToken(String token) {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(token.substring(first + 1,
                    second)), StandardCharsets.UTF_8));
            String subject = claims.path("sub").asText(null);
            if (subject == null) {
                return null;
            }
            JsonNode groups = claims.path("groups");
            String role = ANONYMOUS;
            for (String candidate : ROLE_ORDER) {
                if (groups.isArray() && contains(groups, candidate) || candidate.equals(groups.asText(null))) {
                    role = candidate;
                    break;
                }
            }
            return new Identity("sub:" + claims.path("iss").asText("") + "|" + subject, role);
        } catch (Exception e) {
            return null; // not a JWT we can read: verification refuses it; count it by address meanwhile
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String address(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
    }

    private String body(String detail, String path) {
        try {
            return json.writeValueAsString(new Problem("about:blank", "Too many requests", 429, detail, path, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One caller's share in use: a token bucket of writes, writes in flight, streams open. */
    static final class CallerShare {
        private final GongzhiConfig.Share share;
        private final AtomicInteger writesInFlight = new AtomicInteger();
        private final AtomicInteger streams = new AtomicInteger();
        private double tokens;
        private long refilledAt;

        CallerShare(GongzhiConfig.Share share) {
            this.share = share;
            this.tokens = share.writeBurst();
            this.refilledAt = System.nanoTime();
        }

        /** Null when the write may start (and is counted), else why not. */
        String startWrite(long now) {
            if (writesInFlight.incrementAndGet() > share.writesInFlight()) {
                writesInFlight.decrementAndGet();
                return "You already have " + share.writesInFlight() + " writes in progress, the most one caller may.";
            }
            synchronized (this) {
                refill(now);
                if (tokens >= 1) {
                    tokens -= 1;
                    return null;
                }
            }
            writesInFlight.decrementAndGet();
            return "You are sending writes faster than one caller's share (" + rate() + " a second, bursts of "
                    + share.writeBurst() + ").";
        }

        void endWrite() {
            writesInFlight.decrementAndGet();
        }

        String openStream() {
            if (streams.incrementAndGet() > share.streams()) {
                streams.decrementAndGet();
                return "You already have " + share.streams() + " streams open, the most one caller may; close one "
                        + "first.";
            }
            return null;
        }

        void closeStream() {
            streams.decrementAndGet();
        }

        synchronized long secondsUntilNextWrite(long now) {
            refill(now);
            double missing = Math.max(0, 1 - tokens);
            return Math.max(1, (long) Math.ceil(missing / share.writesPerSecond()));
        }

        synchronized boolean idle(long now) {
            refill(now);
            return writesInFlight.get() == 0 && streams.get() == 0 && tokens >= share.writeBurst();
        }

        private void refill(long now) {
            tokens = Math.min(share.writeBurst(), tokens + (now - refilledAt) / 1e9 * share.writesPerSecond());
            refilledAt = now;
        }

        private String rate() {
            double r = share.writesPerSecond();
            return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
        }
    }
}
