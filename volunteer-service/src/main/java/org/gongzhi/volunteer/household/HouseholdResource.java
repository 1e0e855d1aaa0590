package org.gongzhi.volunteer.household;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.gongzhi.volunteer.matching.MatchingApi.MatchingView;
import org.gongzhi.volunteer.matching.MatchingService;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api")
@Tag(name = "Households", description = "Vulnerable households and check-on-neighbour visits during warnings")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class HouseholdResource {
    private final HouseholdService households;
    private final MatchingService matching;
    private final CurrentCaller caller;

    HouseholdResource(HouseholdService households, MatchingService matching, CurrentCaller caller) {
        this.households = households;
        this.matching = matching;
        this.caller = caller;
    }

    @POST
    @Path("/households")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Flag a household to be checked on in an emergency (elderly living alone, disability)")
    public Uni<Response> flag(NewHousehold household) {
        return households.flag(household, caller.community(), caller.id())
                .map(h -> Response.created(URI.create("/api/households/" + h.id())).entity(h).build());
    }

    @GET
    @Path("/households")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "The households flagged in my community")
    public Uni<List<HouseholdView>> flagged() {
        return households.flagged(caller.community());
    }

    @DELETE
    @Path("/households/{id}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Lift a household's flag")
    public Uni<Response> unflag(@PathParam("id") UUID id) {
        return households.unflag(id, caller.community()).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/warnings/{id}/visits")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "The check-on-neighbour visits a warning created, and how each stands")
    public Uni<List<MatchingView>> visits(@PathParam("id") String warningId) {
        return matching.visits(warningId, caller.community());
    }
}
