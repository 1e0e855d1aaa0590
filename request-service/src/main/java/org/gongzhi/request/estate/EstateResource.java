package org.gongzhi.request.estate;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/estate")
@Tag(name = "Estate", description = "The buildings, units and households requests are located in")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class EstateResource {
    private final EstateService estate;
    private final CurrentCaller caller;

    EstateResource(EstateService estate, CurrentCaller caller) {
        this.estate = estate;
        this.caller = caller;
    }

    @POST
    @Path("/buildings")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Register a building with its units and households")
    @APIResponseSchema(value = BuildingView.class, responseCode = "201", responseDescription = "Registered")
    @Extension(name = "x-refuses-409", value = "The building is already registered")
    public Uni<Response> register(NewBuilding building) {
        return estate.register(caller.community(), building)
                .map(view -> Response.created(URI.create("/api/estate/buildings/" + view.code())).entity(view).build());
    }

    @PUT
    @Path("/buildings/{code}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Change a building: name, floors, grid position, units and households (published to every "
            + "service)")
    @Extension(name = "x-refuses-409", value = "A household left out has residents linked to it")
    public Uni<BuildingView> change(@PathParam("code") String code, NewBuilding building) {
        return estate.change(caller.community(), code, building);
    }

    @DELETE
    @Path("/buildings/{code}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Remove a building with its households (published to every service)")
    @APIResponse(responseCode = "204", description = "Removed")
    @Extension(name = "x-refuses-409",
            value = "A request located in the building is still open, or a risk point is in it")
    public Uni<Void> remove(@PathParam("code") String code) {
        return estate.remove(caller.community(), code);
    }

    @POST
    @Path("/members")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Link a resident's account to their household (for the deliberation hall's votes)")
    @APIResponseSchema(value = NewMember.class, responseCode = "201",
            responseDescription = "Linked (linking again moves the resident)")
    public Uni<Response> member(NewMember member) {
        return estate.addMember(caller.community(), member).map(m -> Response.status(201).entity(m).build());
    }

    @GET
    @Path("/buildings")
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN, Roles.PARTNER, Roles.VOLUNTEER})
    @Operation(summary = "List the estate's buildings on their grid")
    public Uni<List<BuildingView>> list() {
        return estate.buildings(caller.community());
    }
}
