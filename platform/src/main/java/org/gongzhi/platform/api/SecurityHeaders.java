package org.gongzhi.platform.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.gongzhi.platform.GongzhiConfig;

/**
 * The headers every answer carries, set just before they are sent (so refusals, static pages and the API alike):
 * no sniffing, no framing, no referrer, and a Content-Security-Policy that lets a page run only its own scripts and
 * styles and talk only to its own origin and the configured API origins ({@code gongzhi.console.api-origins}). An
 * HTML page is never cached ({@code no-store}): the console holds a token in the page's session. Swagger UI
 * ({@code /q/swagger-ui}) starts itself with an inline script, so its pages alone allow inline code.
 */
@ApplicationScoped
public class SecurityHeaders {
    private final String policy;
    private final String swaggerPolicy;

    SecurityHeaders(GongzhiConfig config) {
        String connect = String.join(" ", config.console().apiOrigins().orElse(List.of()));
        String common = "; img-src 'self' data:; font-src 'self'; connect-src 'self'" + (connect.isBlank() ? ""
                : " " + connect) + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'" + common;
        this.swaggerPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'"
                + common;
    }

    /** The policy of the application's own pages. */
    public String policy() {
        return policy;
    }

    void register(@Observes Filters filters) {
        // first of all filters: the refusals of the ones after it carry the headers too
        filters.register(this::add, 1300);
    }

    private void add(RoutingContext context) {
        boolean swagger = context.normalizedPath().startsWith("/q/swagger-ui");
        context.addHeadersEndHandler(ended -> {
            HttpServerResponse response = context.response();
            response.putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Content-Security-Policy", swagger ? swaggerPolicy : policy);
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.startsWith("text/html")) {
                response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                response.headers().remove(HttpHeaders.LAST_MODIFIED);
            }
        });
        context.next();
    }
}
