package org.gongzhi.alliance.risk;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/risk-points")
@Tag(name = "Risk points", description = "Places patrolled when a weather warning is issued")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class RiskPointResource {
    private final RiskPointService riskPoints;
    private final CurrentCaller caller;

    RiskPointResource(RiskPointService riskPoints, CurrentCaller caller) {
        this.riskPoints = riskPoints;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Register a risk point with its responsible organisation")
    public Uni<Response> register(NewRiskPoint riskPoint) {
        return riskPoints.register(caller.community(), riskPoint)
                .map(view -> Response.created(URI.create("/api/risk-points/" + view.id())).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "List the risk points")
    public Uni<List<RiskPointView>> list() {
        return riskPoints.list(caller.community());
    }
}
