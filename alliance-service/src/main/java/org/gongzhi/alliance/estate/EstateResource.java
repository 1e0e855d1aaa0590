package org.gongzhi.alliance.estate;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;

/** Under the routing rules' path: {@code /api/estate} is request-service's, the registry itself. */
@Path("/api/routing-rules/estate")
@Tag(name = "Routing rules", description = "Which parties take which category in which buildings")
@Produces(MediaType.APPLICATION_JSON)
public class EstateResource {
    private final Estate estate;
    private final CurrentCaller caller;

    EstateResource(Estate estate, CurrentCaller caller) {
        this.estate = estate;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "The building and category codes rules, coverage, risk points and patrol reports may name")
    public Uni<Estate.EstateView> known() {
        return estate.known(caller.community());
    }
}
