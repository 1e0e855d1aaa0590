package org.gongzhi.notification.street;

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

@Path("/api/street")
@Tag(name = "Street", description = "The street-level view (街道视图): a sub-district's communities side by side")
@Produces(MediaType.APPLICATION_JSON)
public class StreetResource {
    private final StreetOverview overview;
    private final CurrentCaller caller;

    StreetResource(StreetOverview overview, CurrentCaller caller) {
        this.overview = overview;
        this.caller = caller;
    }

    @GET
    @Path("/overview")
    @RolesAllowed(Roles.SUBDISTRICT)
    @Operation(summary = "The caller's sub-district: each community's open, late and escalated requests, its three "
            + "rates this week with the trend and the rank, its warnings in force with patrol progress; the parties' "
            + "tasks across the communities", description = "Rates as the dashboard's: see the service README.")
    public Uni<StreetViews.Overview> overview() {
        return overview.of(caller.get().subdistrict());
    }
}
