package org.gongzhi.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gongzhi.platform.problem.Problem;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is refused as soon as its length is known, with
 * {@code 413} problem+json saying the limit (the HTTP server alone would answer an empty 413): from its
 * {@code Content-Length} before a byte of it is read; a chunked body, which has no length, is read here up to the
 * limit and refused at the first chunk past it.
 */
@ApplicationScoped
public class BodyLimit {
    /** Marks a request whose chunked body this class read (see {@link ChunkedBody}). */
    static final String READ_HERE = "gongzhi.body-read-by-limit";

    private final long limit;
    private final ObjectMapper json;
    private final BodyHandler chunked;

    // the default is the platform's own setting (microprofile-config.properties), so the two can never disagree
    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M") MemorySize limit,
            ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
        this.chunked = BodyHandler.create(false).setBodyLimit(this.limit);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1200);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refuseChunked);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body(context.normalizedPath(), "nothing was read or changed."));
            return;
        }
        if (length == null && isChunked(context)) {
            // read into memory up to the limit (as the REST layer would), which fails the route with 413 at once;
            // a body within it is handed to the REST layer by ChunkedBody
            context.put(READ_HERE, Boolean.TRUE);
            chunked.handle(context);
            return;
        }
        context.next();
    }

    private static boolean isChunked(RoutingContext context) {
        String coding = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        return coding != null && coding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The body handler's 413 for a chunked body, in words: the rest of the body is not read. */
    private void refuseChunked(RoutingContext context) {
        if (context.statusCode() != 413 || context.failure() != null || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body(context.normalizedPath(), "the rest was not read and nothing was changed."));
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP server refuses a malformed length itself
        }
    }

    private String body(String path, String consequence) {
        try {
            return json.writeValueAsString(new Problem("about:blank", "Body too large", 413, "The body is larger than "
                    + "the " + readable(limit) + " this service takes; " + consequence, path, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
