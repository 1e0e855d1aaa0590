package org.gongzhi.volunteer.estate;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;

@Path("/api/buildings")
@Tag(name = "Estate", description = "The building grid, volunteer-service's copy of the estate registry")
@Produces(MediaType.APPLICATION_JSON)
public class EstateResource {
    private final EstateCopy estate;
    private final CurrentCaller caller;

    EstateResource(EstateCopy estate, CurrentCaller caller) {
        this.estate = estate;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "The caller's community's buildings on the grid (distance for matching), as the estate "
            + "registry published them")
    public Uni<List<EstateCopy.GridBuilding>> grid() {
        return estate.grid(caller.community());
    }
}
