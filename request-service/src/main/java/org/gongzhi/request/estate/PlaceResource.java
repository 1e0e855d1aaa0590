package org.gongzhi.request.estate;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The caller's community's named places: where a request or a risk point may be that is not a building. */
@Path("/api/estate/places")
@Tag(name = "Estate", description = "The buildings, units and households requests are located in")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class PlaceResource {
    private final PlaceService places;
    private final CurrentCaller caller;

    PlaceResource(PlaceService places, CurrentCaller caller) {
        this.places = places;
        this.caller = caller;
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Register a named place (小区东门, 北广场) or change its names (published to every "
            + "service)")
    @APIResponseSchema(value = PlaceView.class, responseCode = "201",
            responseDescription = "Registered (200 when an existing place was changed or left as it was)")
    public Uni<Response> register(@PathParam("code") String code, NewPlace place) {
        return places.register(caller.community(), code, place)
                .map(r -> Response.status(r.created() ? 201 : 200).entity(r.place()).build());
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN, Roles.PARTNER, Roles.VOLUNTEER})
    @Operation(summary = "List the community's named places (a request may be at one instead of a building)")
    public Uni<List<PlaceView>> list() {
        return places.places(caller.community());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN, Roles.PARTNER, Roles.VOLUNTEER})
    @Operation(summary = "A named place of the community")
    public Uni<PlaceView> find(@PathParam("code") String code) {
        return places.place(caller.community(), code);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Remove a named place (published to every service)")
    @APIResponse(responseCode = "204", description = "Removed")
    @Extension(name = "x-refuses-409", value = "A request at the place is still open, or a risk point is there")
    public Uni<Void> remove(@PathParam("code") String code) {
        return places.remove(caller.community(), code);
    }
}
