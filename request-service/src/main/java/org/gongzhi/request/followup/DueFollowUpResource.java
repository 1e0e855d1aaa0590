package org.gongzhi.request.followup;

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

@Path("/api/follow-ups")
@Tag(name = "Return visits")
@Produces(MediaType.APPLICATION_JSON)
public class DueFollowUpResource {
    private final FollowUpService followUps;
    private final CurrentCaller caller;

    DueFollowUpResource(FollowUpService followUps, CurrentCaller caller) {
        this.followUps = followUps;
        this.caller = caller;
    }

    @GET
    @Path("/due")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "List resolved requests awaiting a return visit, oldest first")
    public Uni<List<DueFollowUp>> due() {
        return followUps.due(caller.get());
    }

}
