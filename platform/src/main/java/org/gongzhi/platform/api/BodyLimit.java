package org.gongzhi.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gongzhi.platform.problem.Problem;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is refused as soon as its length is known, from its
 * {@code Content-Length}, with {@code 413} problem+json saying the limit, before a byte of it is read (the HTTP
 * server would read it all and answer an empty 413). A chunked body without a length is still stopped by the server
 * at the limit.
 */
@ApplicationScoped
public class BodyLimit {
    private final long limit;
    private final ObjectMapper json;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
            ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1200);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body(context.normalizedPath()));
            return;
        }
        context.next();
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP server refuses a malformed length itself
        }
    }

    private String body(String path) {
        try {
            return json.writeValueAsString(new Problem("about:blank", "Body too large", 413, "The body is larger than "
                    + "the " + readable(limit) + " this service takes; nothing was read or changed.", path, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
