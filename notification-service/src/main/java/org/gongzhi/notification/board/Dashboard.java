package org.gongzhi.notification.board;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongzhi.notification.board.DashboardViews.ActiveWarning;
import org.gongzhi.notification.board.DashboardViews.BoardRequest;
import org.gongzhi.notification.board.DashboardViews.BuildingLoad;
import org.gongzhi.notification.board.DashboardViews.PartyLoad;
import org.gongzhi.notification.board.DashboardViews.VolunteerLoad;
import org.gongzhi.notification.board.DashboardViews.Workload;

/** The dashboard's read models, for one community. Plain SQL client: read-only, no session needed. */
@ApplicationScoped
public class Dashboard {
    static final String OPEN = "status not in ('RESOLVED', 'CLOSED', 'WITHDRAWN', 'REJECTED')";

    private final Pool pool;
    private final Clock clock;
    private final DashboardConfig config;

    Dashboard(Pool pool, Clock clock, DashboardConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /** Open requests, nearest deadline first; optionally of one building. */
    public Uni<List<BoardRequest>> openRequests(String community, String building) {
        Instant now = clock.instant();
        return pool.preparedQuery("""
                        select request_id, category, building, status, urgency, lead_party, lead_org, respond_by,
                               resolve_by, responded_at, submitted_at,
                               case when responded_at is null then respond_by else resolve_by end as next_deadline
                        from request_board where community_id = $1 and ($2::text is null or building = $2) and\s"""
                        + OPEN + " order by next_deadline nulls last, submitted_at limit 500")
                .execute(Tuple.of(community, building))
                .map(rows -> {
                    List<BoardRequest> list = new ArrayList<>();
                    for (Row r : rows) {
                        Instant next = instant(r, "next_deadline");
                        list.add(new BoardRequest(r.getString("request_id"), r.getString("category"),
                                r.getString("building"), r.getString("status"), r.getString("urgency"),
                                r.getString("lead_party"), r.getString("lead_org"), instant(r, "respond_by"),
                                instant(r, "resolve_by"), instant(r, "responded_at"), instant(r, "submitted_at"),
                                next, next != null && next.isBefore(now)));
                    }
                    return list;
                });
    }

    /** Every building of the estate, with its open and overdue requests (zero when none). */
    public Uni<List<BuildingLoad>> buildings(String community) {
        return pool.preparedQuery("""
                        select building, count(*) as open,
                               count(*) filter (where coalesce(case when responded_at is null then respond_by end,
                                                               resolve_by) < $2) as overdue
                        from request_board where community_id = $1 and building is not null and\s"""
                        + OPEN + " group by building")
                .execute(Tuple.of(community, at(clock.instant())))
                .map(rows -> {
                    Map<String, long[]> load = new HashMap<>();
                    for (Row r : rows) {
                        load.put(r.getString("building"), new long[] {r.getLong("open"), r.getLong("overdue")});
                    }
                    List<BuildingLoad> list = new ArrayList<>();
                    int columns = config.estate().columns();
                    for (int n = 1; n <= config.estate().buildings(); n++) {
                        long[] l = load.remove(String.valueOf(n));
                        list.add(new BuildingLoad(String.valueOf(n), (n - 1) % columns, (n - 1) / columns,
                                l == null ? 0 : l[0], l == null ? 0 : l[1]));
                    }
                    // buildings the map does not know still count (drawn after the grid)
                    load.forEach((b, l) -> list.add(new BuildingLoad(b, -1, -1, l[0], l[1])));
                    return list;
                });
    }

    /** Open and overdue tasks per party; the volunteers' open offers and work in progress. */
    public Uni<Workload> workload(String community) {
        OffsetDateTime now = at(clock.instant());
        Uni<List<PartyLoad>> parties = pool.preparedQuery("""
                        select organisation_id, max(organisation_name) as name,
                               count(*) filter (where status in ('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS')) as open,
                               count(*) filter (where (status = 'ASSIGNED' and acknowledge_by < $2)
                                   or (status in ('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS') and complete_by < $2))
                                   as overdue,
                               count(*) filter (where status in ('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS')
                                   and escalation_level > 0) as escalated
                        from task_board where community_id = $1 group by organisation_id
                        order by open desc, organisation_id""")
                .execute(Tuple.of(community, now))
                .map(rows -> {
                    List<PartyLoad> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new PartyLoad(r.getString("organisation_id"), r.getString("name"), r.getLong("open"),
                                r.getLong("overdue"), r.getLong("escalated")));
                    }
                    return list;
                });
        Uni<VolunteerLoad> volunteers = pool.preparedQuery("""
                        select count(*) filter (where status = 'OFFERED' and (expires_at is null or expires_at > $2))
                                   as offers,
                               count(*) filter (where status = 'ACCEPTED') as in_progress,
                               count(*) filter (where status = 'COMPLETED') as completed
                        from volunteer_board where community_id = $1""")
                .execute(Tuple.of(community, now))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new VolunteerLoad(r.getLong("offers"), r.getLong("in_progress"), r.getLong("completed"));
                });
        return Uni.combine().all().unis(parties, volunteers).asTuple()
                .map(t -> new Workload(t.getItem1(), t.getItem2()));
    }

    /** Warnings in force now. */
    public Uni<List<ActiveWarning>> activeWarnings(String community) {
        return pool.preparedQuery("""
                        select warning_id, type, level, valid_from, valid_until, issued_at from warning_board
                        where community_id = $1 and (valid_until is null or valid_until > $2)
                          and (valid_from is null or valid_from <= $2 + interval '1 day')
                        order by issued_at desc""")
                .execute(Tuple.of(community, at(clock.instant())))
                .map(rows -> {
                    List<ActiveWarning> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new ActiveWarning(r.getString("warning_id"), r.getString("type"),
                                r.getString("level"), instant(r, "valid_from"), instant(r, "valid_until"),
                                instant(r, "issued_at")));
                    }
                    return list;
                });
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
