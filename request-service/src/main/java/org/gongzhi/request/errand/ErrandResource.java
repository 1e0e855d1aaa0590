package org.gongzhi.request.errand;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;

@Path("/api/requests/{id}/errand")
@Tag(name = "Volunteers", description = "A request as its volunteer sees it")
@Produces(MediaType.APPLICATION_JSON)
public class ErrandResource {
    private final ErrandService errands;
    private final CurrentCaller caller;

    ErrandResource(ErrandService errands, CurrentCaller caller) {
        this.errands = errands;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "The errand offered to me or held by me", description = "Where (building, unit, household, "
            + "place) and by when while the offer waits for my answer; the description too once I accepted it, while "
            + "it is open. Another volunteer's job, or one I am done with, is 404.")
    public Uni<Errand> errand(@PathParam("id") UUID id) {
        return errands.errand(caller.community(), caller.volunteer().orElse(null), id);
    }
}
