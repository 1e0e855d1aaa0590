package org.gongzhi.request.request;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.platform.security.Roles;

@Path("/api/requests")
@Tag(name = "Requests", description = "Residents' requests: intake, status and timeline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {
    private final RequestService requests;
    private final Caller caller;

    RequestResource(RequestService requests, Caller caller) {
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Submit a request", description = "A resident files for themself; a worker for anyone. "
            + "Repeat the same Idempotency-Key to retry safely: you get the first request back, never a second one.")
    @APIResponse(responseCode = "201", description = "Stored durably; its events follow")
    @APIResponse(responseCode = "400", description = "A field is wrong; nothing was stored")
    public Uni<Response> submit(NewRequest request,
            @Parameter(description = "Any unique string per intended request")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return requests.submit(Viewer.of(caller), request, idempotencyKey)
                .map(s -> Response.created(URI.create("/api/requests/" + s.request().id()))
                        .header("Idempotent-Replayed", s.replayed())
                        .entity(s.request()).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Read a request with its tasks and timeline")
    @APIResponse(responseCode = "404", description = "No such request, or not yours to see")
    public Uni<RequestView> find(@PathParam("id") UUID id) {
        return requests.find(Viewer.of(caller), id);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Read a request's timeline", description = "Residents see public updates; workers and "
            + "the parties on the request also see internal notes.")
    public Uni<List<RequestView.TimelineView>> timeline(@PathParam("id") UUID id) {
        return requests.timeline(Viewer.of(caller), id);
    }
}
