package org.gongzhi.volunteer.activity;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.gongzhi.volunteer.team.SignedInVolunteer;
import org.gongzhi.volunteer.activity.ActivityApi.ActivityView;
import org.gongzhi.volunteer.activity.ActivityApi.Attendance;
import org.gongzhi.volunteer.activity.ActivityApi.NewActivity;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api")
@Tag(name = "Activities", description = "Team activities volunteers sign up for; attendance records hours")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class ActivityResource {
    private final ActivityService activities;
    private final CurrentCaller caller;
    private final SignedInVolunteer me;

    ActivityResource(ActivityService activities, CurrentCaller caller, SignedInVolunteer me) {
        this.activities = activities;
        this.caller = caller;
        this.me = me;
    }

    @POST
    @Path("/teams/{id}/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.VOLUNTEER})
    @Operation(summary = "Publish an activity (weekly with repeatWeeks); workers, admins and the team's leader")
    public Uni<Response> publish(@PathParam("id") String team, NewActivity activity) {
        return activities.publish(team, activity, caller.get()).map(list -> Response
                .created(URI.create("/api/activities/" + list.get(0).id())).entity(list).build());
    }

    @GET
    @Path("/activities")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.VOLUNTEER})
    @Operation(summary = "Activities of my community's teams not yet started, optionally of one team")
    public Uni<List<ActivityView>> upcoming(@QueryParam("team") String team) {
        return activities.upcoming(team, caller.community());
    }

    @POST
    @Path("/activities/{id}/sign-ups")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Sign me up for an activity")
    public Uni<Response> signUp(@PathParam("id") UUID id) {
        return me.id().chain(v -> activities.signUp(id, v)).map(a -> Response.status(201).entity(a).build());
    }

    @DELETE
    @Path("/activities/{id}/sign-ups/me")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Withdraw my sign-up")
    public Uni<Response> withdraw(@PathParam("id") UUID id) {
        return me.id().chain(v -> activities.withdraw(id, v)).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/activities/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.VOLUNTEER})
    @Operation(summary = "Record who attended; each is credited the activity's hours (workers, admins, team leader)")
    public Uni<ActivityView> attendance(@PathParam("id") UUID id, Attendance attendance) {
        return activities.attendance(id, attendance, caller.get());
    }
}
