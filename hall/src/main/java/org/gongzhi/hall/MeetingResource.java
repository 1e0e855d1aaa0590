package org.gongzhi.hall;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.hall.DeliberationApi.Attendance;
import org.gongzhi.hall.DeliberationApi.MeetingView;
import org.gongzhi.hall.DeliberationApi.Minutes;
import org.gongzhi.hall.DeliberationApi.NewMeeting;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/deliberation/meetings")
@Tag(name = "Deliberation hall")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class MeetingResource {
    private final MeetingService meetings;
    private final CurrentCaller caller;

    MeetingResource(MeetingService meetings, CurrentCaller caller) {
        this.meetings = meetings;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Schedule a session of the hall with its agenda")
    @APIResponseSchema(value = MeetingView.class, responseCode = "201", responseDescription = "Scheduled")
    public Uni<Response> create(NewMeeting meeting) {
        return meetings.create(caller.get(), meeting).map(m -> Response
                .created(URI.create("/api/deliberation/meetings/" + m.id())).entity(m).build());
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "List sessions, latest start first", description = "Paged: page from 0, size 1 to 100 "
            + "(default 20); each session with its agenda, minutes, registered and attended. Only the caller's "
            + "community's sessions.")
    public Uni<Page<MeetingView>> list(@BeanParam MeetingSearch search) {
        return meetings.list(caller.get(), search);
    }

    @POST
    @Path("/{id}/registrations")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Register to attend")
    @Consumes(MediaType.WILDCARD)
    public Uni<MeetingView> register(@PathParam("id") UUID id) {
        return meetings.register(caller.get(), id);
    }

    @POST
    @Path("/{id}/attendance")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Record who attended")
    public Uni<MeetingView> attendance(@PathParam("id") UUID id, Attendance attendance) {
        return meetings.attendance(caller.get(), id, attendance);
    }

    @PUT
    @Path("/{id}/minutes")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Write the minutes")
    public Uni<MeetingView> minutes(@PathParam("id") UUID id, Minutes minutes) {
        return meetings.minutes(caller.get(), id, minutes);
    }
}
