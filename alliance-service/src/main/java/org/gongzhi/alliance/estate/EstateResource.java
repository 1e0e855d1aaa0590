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

@Path("/api/estate")
@Tag(name = "Estate", description = "The alliance's copy of the estate registry (request-service publishes it)")
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
