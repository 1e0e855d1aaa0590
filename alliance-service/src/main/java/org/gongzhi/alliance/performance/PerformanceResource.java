package org.gongzhi.alliance.performance;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;

@Path("/api/organisations/{id}/performance")
@Tag(name = "Organisations")
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {
    private final PerformanceService performance;
    private final CurrentCaller caller;

    PerformanceResource(PerformanceService performance, CurrentCaller caller) {
        this.performance = performance;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "A party's figures: tasks, in time, overdue, declined, median times (partners: their own), "
            + "in every community the caller acts in, and each community's own in 'communities'")
    public Uni<Performance> of(@PathParam("id") String id) {
        return performance.of(caller.get(), id);
    }
}
