package org.gongzhi.request.estate;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/estate/communities")
@Tag(name = "Estate", description = "The buildings, units and households requests are located in")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class CommunityResource {
    private final CommunityService communities;
    private final CurrentCaller caller;

    CommunityResource(CommunityService communities, CurrentCaller caller) {
        this.communities = communities;
        this.caller = caller;
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUBDISTRICT})
    @Operation(summary = "Register a community under its sub-district, or change it (published to every service)")
    @APIResponseSchema(value = CommunityView.class, responseCode = "201",
            responseDescription = "Registered (200 when an existing community was changed or left as it was)")
    public Uni<Response> register(@PathParam("id") String id, NewCommunity community) {
        return communities.register(caller.get(), id, community)
                .map(r -> Response.status(r.created() ? 201 : 200).entity(r.community()).build());
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.SUBDISTRICT})
    @Operation(summary = "List the communities with their sub-districts (a sub-district office: its own)")
    public Uni<List<CommunityView>> list() {
        return communities.communities(caller.get());
    }
}
