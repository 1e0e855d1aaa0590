package org.gongzhi.alliance.cases;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/cases")
@Tag(name = "Cases", description = "A request as the alliance works on it, with all its parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class CaseResource {
    private final CaseService cases;
    private final CurrentCaller caller;

    CaseResource(CaseService cases, CurrentCaller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @GET
    @Path("/{requestId}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Read a request's alliance case with every task (partners: only cases they work on)")
    public Uni<CaseView> find(@PathParam("requestId") String requestId) {
        return cases.find(caller.get(), requestId);
    }

    @POST
    @Path("/{requestId}/responders")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Add a responding party to an open request, with a reason")
    public Uni<Response> addResponder(@PathParam("requestId") String requestId, NewResponder responder) {
        return cases.addResponder(caller.get(), requestId, responder)
                .map(t -> Response.created(URI.create("/api/tasks/" + t.id())).entity(t).build());
    }
}
