package org.gongzhi.alliance.organisation;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/organisations")
@Tag(name = "Organisations", description = "The alliance's member organisations, their contacts, rota and coverage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class OrganisationResource {
    private final OrganisationService organisations;
    private final CurrentCaller caller;

    OrganisationResource(OrganisationService organisations, CurrentCaller caller) {
        this.organisations = organisations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Register a member organisation in the community", description = "An organisation "
            + "registered in another community (one serving several) is registered in this one too; its registration "
            + "here is this community's own.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "An organisation with this id is registered in this community")
    public Uni<Response> register(NewOrganisation organisation) {
        return organisations.register(caller.community(), organisation)
                .map(view -> Response.created(URI.create("/api/organisations/" + view.id())).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Replace a member organisation's details, contacts, rota and coverage")
    public Uni<OrganisationView> update(@PathParam("id") String id, NewOrganisation organisation) {
        return organisations.update(caller.community(), id, organisation);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Remove a member organisation from the community", description = "Refused while a rule, "
            + "risk point or open task of the community names it; its registrations in other communities stay.")
    @APIResponse(responseCode = "409", description = "Still named by a rule, a risk point or an open task")
    public Uni<Response> remove(@PathParam("id") String id) {
        return organisations.remove(caller.community(), id).replaceWith(Response.noContent().build());
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "List the member organisations")
    public Uni<List<OrganisationView>> list() {
        return organisations.list(caller.community());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Read a member organisation")
    public Uni<OrganisationView> find(@PathParam("id") String id) {
        return organisations.find(caller.community(), id);
    }
}
