package org.gongzhi.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongzhi.platform.GongzhiConfig;
import org.gongzhi.platform.problem.Problem;

/**
 * Admission control for writes: at most {@code gongzhi.admission.max-writes-in-flight} API writes are worked on at
 * once; the next is answered {@code 503} problem+json with {@code Retry-After: 1} before anything is read or written.
 * Without it, more requests than the service can commit pile up in memory (each with its body, session and buffers)
 * and every one of them waits longer — a surge, or a cold start under load, then times out nearly everything instead
 * of serving most of it. Reads and the event stream are not limited: they hold no transaction.
 */
@ApplicationScoped
public class Admission {
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter refused;
    private final ObjectMapper json;

    Admission(GongzhiConfig config, MeterRegistry registry, ObjectMapper json) {
        this.limit = config.admission().maxWritesInFlight();
        this.json = json;
        this.refused = registry.counter("gongzhi.admission.refused");
        Gauge.builder("gongzhi.admission.writes.in.flight", inFlight, AtomicInteger::get).register(registry);
    }

    void register(@Observes Filters filters) {
        // before authentication and the REST layer: a refusal costs next to nothing
        filters.register(this::admit, 1000);
    }

    /** Writes being worked on now. */
    public int inFlight() {
        return inFlight.get();
    }

    private void admit(RoutingContext context) {
        if (!WRITES.contains(context.request().method()) || !context.normalizedPath().startsWith("/api/")) {
            context.next();
            return;
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refused.increment();
            context.response().setStatusCode(503)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", "1")
                    .end(body(context.normalizedPath()));
            return;
        }
        // called once the response is sent, or the connection is gone
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }

    private String body(String path) {
        try {
            return json.writeValueAsString(new Problem("about:blank", "Service unavailable", 503,
                    "More writes are arriving than this service can take right now (" + limit
                            + " in progress); nothing was changed. Try again in a moment.", path, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
