package org.gongzhi.volunteer.hours;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.gongzhi.volunteer.team.SignedInVolunteer;
import org.gongzhi.volunteer.hours.HoursViews.TeamStats;
import org.gongzhi.volunteer.hours.HoursViews.VolunteerHours;

@Path("/api")
@Tag(name = "Hours", description = "The service-hours ledger and recognition")
@Produces(MediaType.APPLICATION_JSON)
public class HoursResource {
    private final HoursLedger ledger;
    private final CurrentCaller caller;
    private final SignedInVolunteer me;

    HoursResource(HoursLedger ledger, CurrentCaller caller, SignedInVolunteer me) {
        this.ledger = ledger;
        this.caller = caller;
        this.me = me;
    }

    @GET
    @Path("/volunteers/me/hours")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(summary = "My service hours: total, monthly totals and every entry")
    public Uni<VolunteerHours> mine() {
        return me.id().chain(ledger::ofVolunteer);
    }

    @GET
    @Path("/teams/{id}/stats")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.VOLUNTEER})
    @Operation(summary = "A team's hours, monthly totals and recognition list (optionally of one month, e.g. 2026-11)")
    public Uni<TeamStats> team(@PathParam("id") String id, @QueryParam("month") String month) {
        return ledger.ofTeam(id, month, caller.get());
    }

    @GET
    @Path("/teams/{id}/recognition")
    @Produces("text/csv")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN, Roles.VOLUNTEER})
    @Operation(summary = "The recognition list to print (CSV: rank, volunteer, name, hours, pieces of work)")
    public Uni<String> recognition(@PathParam("id") String id, @QueryParam("month") String month) {
        return ledger.ofTeam(id, month, caller.get()).map(stats -> {
            StringBuilder csv = new StringBuilder("rank,volunteer,name,hours,entries\n");
            stats.recognition().forEach(r -> csv.append(r.rank()).append(',').append(r.volunteerId()).append(',')
                    .append(r.name().replace(",", " ")).append(',').append(r.hours().toPlainString()).append(',')
                    .append(r.entries()).append('\n'));
            return csv.toString();
        });
    }
}
