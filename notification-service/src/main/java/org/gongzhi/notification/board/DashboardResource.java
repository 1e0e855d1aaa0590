package org.gongzhi.notification.board;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.notification.board.DashboardViews.ActiveWarning;
import org.gongzhi.notification.board.DashboardViews.BoardRequest;
import org.gongzhi.notification.board.DashboardViews.BuildingLoad;
import org.gongzhi.notification.board.DashboardViews.Workload;
import org.gongzhi.platform.api.Page;
import org.gongzhi.platform.problem.ProblemException;
import org.gongzhi.platform.security.CurrentCaller;
import org.gongzhi.platform.security.Roles;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/dashboard")
@Tag(name = "Dashboard", description = "The dashboard's read models, for integrators' own screens too")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
@Cancellable(false) // a write goes on when its caller hangs up (docs/conventions.md)
public class DashboardResource {
    private final Dashboard dashboard;
    private final Rates rates;
    private final ReadModelRebuild rebuild;
    private final LiveFeed feed;
    private final CurrentCaller caller;

    DashboardResource(Dashboard dashboard, Rates rates, ReadModelRebuild rebuild, LiveFeed feed, CurrentCaller caller) {
        this.dashboard = dashboard;
        this.feed = feed;
        this.rates = rates;
        this.rebuild = rebuild;
        this.caller = caller;
    }

    /** {@code fromTopics}: of the events, those read back from Kafka (null for a rebuild from the log). */
    public record Rebuilt(long events, Long fromTopics) {
    }

    @GET
    @Path("/requests")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Open requests with status, category, building, lead party and next deadline, nearest first",
            description = "One page of them (page from 0; size 1 to 500, default 100), with the total open (of the "
                    + "building, with ?building=).")
    public Uni<Page<BoardRequest>> requests(@BeanParam BoardSearch search) {
        return dashboard.openRequests(caller.community(), search);
    }

    @GET
    @Path("/feed")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "The latest events, newest first, each with its request's category, building and unit and "
            + "the party's name, for a feed a person reads", description = "size 1 to 200, default 50")
    public Uni<List<DashboardViews.FeedLine>> feed(
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return feed.latest(caller.community(), size);
    }

    @GET
    @Path("/buildings")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Every building of the estate map with its open and overdue requests")
    public Uni<List<BuildingLoad>> buildings() {
        return dashboard.buildings(caller.community());
    }

    @GET
    @Path("/workload")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Open, overdue and escalated tasks per alliance party; volunteers' open offers and work")
    public Uni<Workload> workload() {
        return dashboard.workload(caller.community());
    }

    @GET
    @Path("/warnings")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Weather warnings in force (or starting within a day), not lifted, with patrol progress")
    public Uni<List<ActiveWarning>> warnings() {
        return dashboard.activeWarnings(caller.community());
    }

    @GET
    @Path("/deliberation")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "The deliberation hall: open topics, votes in progress (closing time, eligible households) "
            + "and decisions' progress (% of action items done)")
    public Uni<DashboardViews.Deliberation> deliberation() {
        return dashboard.deliberation(caller.community());
    }

    @GET
    @Path("/rates")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "The three rates (response, resolution, satisfaction) for today, this week and this month, "
            + "a daily trend, and this month per party", description = "Definitions: see the service README.")
    public Uni<DashboardViews.Rates> rates() {
        return rates.of(caller.community());
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild every read model (all communities) from the event log, or with ?from=topics from "
            + "the Kafka topics read from the start; consumers wait meanwhile")
    public Uni<Rebuilt> rebuild(@QueryParam("from") @DefaultValue("log") String from) {
        if ("topics".equals(from)) {
            return rebuild.rebuildFromTopics().map(r -> new Rebuilt(r.events(), r.fromTopics()));
        }
        if (!"log".equals(from)) {
            throw ProblemException.invalid("from", "must be log or topics");
        }
        return rebuild.rebuild().map(events -> new Rebuilt(events, null));
    }
}
