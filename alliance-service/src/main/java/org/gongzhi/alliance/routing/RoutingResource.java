package org.gongzhi.alliance.routing;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/routing-rules")
@Tag(name = "Routing rules", description = "Which parties take which category in which buildings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class RoutingResource {
    private final RoutingService routing;
    private final CurrentCaller caller;

    RoutingResource(RoutingService routing, CurrentCaller caller) {
        this.routing = routing;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Add a routing rule", description = "category × buildings (none = every building) → lead "
            + "party and supporting parties; the highest priority matching rule wins.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Unknown category, building or organisation; nothing added")
    public Uni<Response> add(NewRoutingRule rule) {
        return routing.add(caller.community(), rule)
                .map(view -> Response.created(URI.create("/api/routing-rules/" + view.id())).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "List the routing rules")
    public Uni<List<RoutingRuleView>> list() {
        return routing.list(caller.community());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Remove a routing rule")
    public Uni<Response> remove(@PathParam("id") UUID id) {
        return routing.remove(caller.community(), id).replaceWith(Response.noContent().build());
    }
}
