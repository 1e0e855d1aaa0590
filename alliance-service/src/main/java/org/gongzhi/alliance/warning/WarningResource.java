package org.gongzhi.alliance.warning;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api")
@Tag(name = "Weather warnings", description = "Warnings and the patrols of the risk points they threaten")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class WarningResource {
    private final WarningService warnings;
    private final CurrentCaller caller;

    WarningResource(WarningService warnings, CurrentCaller caller) {
        this.warnings = warnings;
        this.caller = caller;
    }

    @POST
    @Path("/warnings")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Issue a weather warning", description = "Creates a patrol with a checklist for every risk "
            + "point of that weather and publishes gongzhi.warning.issued.v1.")
    public Uni<Response> issue(NewWarning warning) {
        return warnings.issue(caller.get(), warning)
                .map(w -> Response.created(URI.create("/api/warnings/" + w.id())).entity(w).build());
    }

    @GET
    @Path("/warnings")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "List warnings, newest first, with their patrols", description = "Paged (size at most "
            + "100); active=true: only warnings in force (not lifted, not over), active=false: lifted or over.")
    @APIResponse(responseCode = "400", description = "page below 0, or size not between 1 and 100")
    public Uni<Page<WarningView>> list(@BeanParam WarningSearch search) {
        return warnings.list(caller.get(), search);
    }

    @GET
    @Path("/warnings/{id}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Read a warning with its patrols")
    public Uni<WarningView> find(@PathParam("id") UUID id) {
        return warnings.find(caller.get(), id);
    }

    @POST
    @Path("/warnings/{id}/lift")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Lift a warning, with an optional reason",
            description = "Patrols not yet finished are cancelled; publishes gongzhi.warning.lifted.v1. "
                    + "The body ({reason}) may be left out.")
    @APIResponse(responseCode = "404", description = "No such warning")
    @APIResponse(responseCode = "409", description = "The warning was already lifted")
    public Uni<WarningView> lift(@PathParam("id") UUID id, LiftWarning lift) {
        return warnings.lift(caller.get(), id, lift);
    }

    /** The same without a JSON body (no reason given). */
    @POST
    @Path("/warnings/{id}/lift")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(hidden = true)
    public Uni<WarningView> liftWithoutReason(@PathParam("id") UUID id) {
        return warnings.lift(caller.get(), id, null);
    }

    @GET
    @Path("/patrols")
    @RolesAllowed({Roles.PARTNER, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "List patrols, newest first, with their checkpoints (partners: their own organisation's)",
            description = "Paged (size at most 100), newest first, then by risk point; status: only patrols in it.")
    @APIResponse(responseCode = "400", description = "page below 0, or size not between 1 and 100")
    public Uni<Page<WarningView.PatrolView>> patrols(@BeanParam PatrolSearch search) {
        return warnings.patrols(caller.get(), search);
    }

    @POST
    @Path("/patrols/{id}/report")
    @RolesAllowed({Roles.PARTNER, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Report a patrol's result at some or all checkpoints",
            description = "Publishes gongzhi.patrol.checked.v1 with the patrol's totals; a PROBLEM (category, "
                    + "urgency, description, place) is published once per checkpoint as "
                    + "gongzhi.patrol.problem-found.v1. Every checkpoint reported: DONE or PROBLEMS_FOUND.")
    @APIResponse(responseCode = "409", description = "The patrol was cancelled or its warning lifted")
    public Uni<WarningView.PatrolView> report(@PathParam("id") UUID id, PatrolReport report) {
        return warnings.report(caller.get(), id, report);
    }
}
