package org.gongzhi.request.followup;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.gongzhi.request.lifecycle.RequestView;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/requests/{id}/follow-ups")
@Tag(name = "Return visits", description = "回访: asking residents whether their problem is solved")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class FollowUpResource {
    private final FollowUpService followUps;
    private final CurrentCaller caller;

    FollowUpResource(FollowUpService followUps, CurrentCaller caller) {
        this.followUps = followUps;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.RESIDENT})
    @Operation(summary = "Record a return visit", description = "Solved and satisfied closes the request; "
            + "otherwise it is reopened and its tracks take it again. Residents rate their own request in the app.")
    @APIResponseSchema(value = RequestView.class, responseCode = "201",
            responseDescription = "Recorded; the request is CLOSED or REOPENED")
    @Extension(name = "x-refuses-409", value = "The request is not RESOLVED")
    public Uni<Response> record(@PathParam("id") UUID id, NewFollowUp followUp) {
        return followUps.record(caller.get(), id, followUp)
                .map(view -> Response.created(URI.create("/api/requests/" + id)).entity(view).build());
    }
}
