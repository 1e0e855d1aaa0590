package org.gongzhi.volunteer.team;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.gongzhi.volunteer.team.TeamApi.Profile;
import org.gongzhi.volunteer.team.TeamApi.VolunteerChange;
import org.gongzhi.volunteer.team.TeamApi.NewTeam;
import org.gongzhi.volunteer.team.TeamApi.NewVolunteer;
import org.gongzhi.volunteer.team.TeamApi.VolunteerView;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api")
@Tag(name = "Teams", description = "Volunteer teams, volunteers and the estate grid")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class TeamResource {
    private final TeamService teams;
    private final CurrentCaller me;
    private final SignedInVolunteer signedIn;

    TeamResource(TeamService teams, CurrentCaller me, SignedInVolunteer signedIn) {
        this.teams = teams;
        this.me = me;
        this.signedIn = signedIn;
    }

    @POST
    @Path("/teams")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Create a team of my community")
    public Uni<Response> team(NewTeam team) {
        return teams.team(team, me.community())
                .map(t -> Response.created(URI.create("/api/teams/" + t.id())).entity(t).build());
    }

    @GET
    @Path("/teams")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.VOLUNTEER})
    @Operation(summary = "List the teams of my community")
    public Uni<List<TeamApi.TeamView>> teams() {
        return teams.teams(me.community());
    }

    @POST
    @Path("/volunteers")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Register a volunteer of my community with skills, home building and weekly availability")
    public Uni<Response> volunteer(NewVolunteer volunteer) {
        return teams.volunteer(volunteer, me.community())
                .map(v -> Response.created(URI.create("/api/volunteers/" + v.id())).entity(v).build());
    }

    @GET
    @Path("/volunteers/me")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "My profile: skills, home building, availability, weekly cap, paused or active, phone")
    public Uni<Profile> me() {
        return signedIn.id().chain(teams::profile);
    }

    @PATCH
    @Path("/volunteers/me")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "Change my skills, availability, weekly cap or phone, or pause/resume (active)")
    public Uni<Profile> changeMe(VolunteerChange change) {
        return signedIn.id().chain(v -> teams.change(v, change, me.get()));
    }

    @PATCH
    @Path("/volunteers/{id}")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.VOLUNTEER})
    @Operation(summary = "Change a volunteer's profile (workers, admins, and the leader of the volunteer's team)")
    public Uni<Profile> change(@PathParam("id") String id, VolunteerChange change) {
        return teams.change(id, change, me.get());
    }

    @GET
    @Path("/volunteers")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "List the volunteers of my community, optionally of one team")
    public Uni<List<VolunteerView>> volunteers(@QueryParam("team") String team) {
        return teams.volunteers(team, me.community());
    }
}
