package org.gongzhi.alliance.meeting;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;

@Path("/api/meetings")
@Tag(name = "Meetings", description = "Joint meetings the whistle (吹哨报到) convened on late requests")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingResource {
    private final MeetingService meetings;
    private final CurrentCaller caller;

    MeetingResource(MeetingService meetings, CurrentCaller caller) {
        this.meetings = meetings;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "List meetings, newest first (workers: the community's; partners: those their "
            + "organisation is called to)", description = "Filter by request with ?requestId=; paged.")
    public Uni<Page<MeetingView>> search(@BeanParam MeetingSearch search) {
        return meetings.search(caller.get(), search);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Read a meeting")
    @APIResponse(responseCode = "404", description = "No such meeting, or your organisation is not called to it")
    public Uni<MeetingView> find(@PathParam("id") UUID id) {
        return meetings.find(caller.get(), id);
    }
}
