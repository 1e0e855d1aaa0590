package org.gongzhi.notification.board;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gongzhi.platform.security.Caller;
import org.gongzhi.platform.security.Roles;

@Path("/api/dashboard")
@Tag(name = "Dashboard", description = "The dashboard's read models, for integrators' own screens too")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    private final Pool pool;
    private final Caller caller;

    DashboardResource(Pool pool, Caller caller) {
        this.pool = pool;
        this.caller = caller;
    }

    public record BoardRequest(String id, String category, String building, String status, String leadParty,
            Instant respondBy, Instant resolveBy, Instant submittedAt) {
    }

    public record BuildingLoad(String building, long open, long overdue) {
    }

    @GET
    @Path("/requests")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Open requests with status, category, building, lead party and deadlines, nearest deadline first")
    public Uni<List<BoardRequest>> requests() {
        return pool.preparedQuery("""
                        select request_id, category, building, status, lead_party, respond_by, resolve_by, submitted_at
                        from request_board where community_id = $1
                          and status not in ('RESOLVED', 'CLOSED', 'WITHDRAWN', 'REJECTED')
                        order by resolve_by nulls last limit 500""")
                .execute(Tuple.of(caller.community()))
                .map(rows -> {
                    List<BoardRequest> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new BoardRequest(r.getString("request_id"), r.getString("category"),
                                r.getString("building"), r.getString("status"), r.getString("lead_party"),
                                instant(r, "respond_by"), instant(r, "resolve_by"), instant(r, "submitted_at")));
                    }
                    return list;
                });
    }

    @GET
    @Path("/buildings")
    @RolesAllowed({Roles.WORKER, Roles.ADMIN})
    @Operation(summary = "Open and overdue requests per building, for the estate map")
    public Uni<List<BuildingLoad>> buildings() {
        return pool.preparedQuery("""
                        select building, count(*) as open, count(*) filter (where resolve_by < now()) as overdue
                        from request_board where community_id = $1 and building is not null
                          and status not in ('RESOLVED', 'CLOSED', 'WITHDRAWN', 'REJECTED')
                        group by building order by building""")
                .execute(Tuple.of(caller.community()))
                .map(rows -> {
                    List<BuildingLoad> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new BuildingLoad(r.getString("building"), r.getLong("open"), r.getLong("overdue")));
                    }
                    return list;
                });
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
