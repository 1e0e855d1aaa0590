package org.gongzhi.request.history;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/request-imports")
@Tag(name = "History import", description = "A community's finished requests from its earlier records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class HistoryImportResource {
    private final HistoryImport history;
    private final CurrentCaller caller;

    HistoryImportResource(HistoryImport history, CurrentCaller caller) {
        this.history = history;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Import a finished request from earlier records (paper register, 12345)",
            description = "Stored with its real times: received, work started, resolved and its return visit "
                    + "(CLOSED with one, RESOLVED and due for a return visit without). Its events carry those times; "
                    + "no party or volunteer is given work and no resident is notified.")
    @Extension(name = "x-refuses-400", value = "A field is wrong or the times are out of order; nothing was stored")
    @Extension(name = "x-refuses-409", value = "This source and reference were imported already (the detail names "
            + "the request)")
    public Uni<Response> importPast(PastRequest past) {
        return history.importPast(caller.get(), past)
                .map(view -> Response.created(URI.create("/api/requests/" + view.id())).entity(view).build());
    }
}
