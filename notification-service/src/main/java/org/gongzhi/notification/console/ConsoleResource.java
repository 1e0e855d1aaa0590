package org.gongzhi.notification.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the console page must know before it signs in: where the APIs are. Nothing secret. */
@Path("/api/console/config")
@Tag(name = "Dashboard")
public class ConsoleResource {
    private final ConsoleConfig console;

    ConsoleResource(ConsoleConfig console) {
        this.console = console;
    }

    /** The APIs' base URLs, without a trailing slash; empty when the page's own origin serves them. */
    public record ConsoleSettings(String requestApi, String allianceApi, String volunteerApi) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The console's settings: the base URLs of request-, alliance- and volunteer-service")
    public ConsoleSettings settings() {
        ConsoleConfig.Api api = console.api();
        return new ConsoleSettings(base(api.requests()), base(api.alliance()), base(api.volunteers()));
    }

    private static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
