package org.gongzhi.notification.board;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongzhi.events.TaskStatus;
import org.gongzhi.notification.board.DashboardViews.ActiveWarning;
import org.gongzhi.notification.board.DashboardViews.BoardRequest;
import org.gongzhi.notification.board.DashboardViews.BuildingLoad;
import org.gongzhi.notification.board.DashboardViews.DecisionProgress;
import org.gongzhi.notification.board.DashboardViews.Deliberation;
import org.gongzhi.notification.board.DashboardViews.OpenTopic;
import org.gongzhi.notification.board.DashboardViews.PatrolProgress;
import org.gongzhi.notification.board.DashboardViews.VoteInProgress;
import org.gongzhi.notification.board.DashboardViews.PartyInCommunity;
import org.gongzhi.notification.board.DashboardViews.PartyLoad;
import org.gongzhi.notification.board.DashboardViews.RequestCounts;
import org.gongzhi.notification.board.DashboardViews.VolunteerLoad;
import org.gongzhi.notification.board.DashboardViews.Workload;
import org.gongzhi.platform.api.Page;

/** The dashboard's read models, for one community. Plain SQL client: read-only, no session needed. */
@ApplicationScoped
public class Dashboard {
    static final String OPEN = "status not in " + StatusLists.REQUESTS_PAST_WORK;
    /** An open request past its next deadline ($2: now): respond-by until someone responded, then resolve-by. */
    private static final String LATE = """
            coalesce(case when responded_at is null then coalesce(moved_respond_by, respond_by) end,
                     moved_resolve_by, resolve_by) < $2""";

    /** $1 community, $2 building or null, $3 page size, $4 offset; one row with a null request when none is. */
    private static final String OPEN_REQUESTS = """
            select c.total, r.*
            from (select count(*) as total from request_board where %1$s) c
            left join lateral (
                select request_id, category, building, status, urgency, lead_party, lead_org, respond_by, resolve_by,
                       responded_at, submitted_at, deadline_moved_at,
                       (select count(*) from request_board m where m.merged_into = b.request_id) as merged_reports,
                       case when responded_at is null then coalesce(moved_respond_by, respond_by)
                            else coalesce(moved_resolve_by, resolve_by) end as next_deadline
                from request_board b where %1$s
                order by next_deadline nulls last, submitted_at, request_id limit $3 offset $4) r on true
            order by r.next_deadline nulls last, r.submitted_at, r.request_id"""
            .formatted("community_id = $1 and ($2::text is null or building = $2) and " + OPEN);

    private final Pool pool;
    private final Clock clock;
    private final DashboardConfig config;

    Dashboard(Pool pool, Clock clock, DashboardConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /**
     * One page of the open requests, nearest deadline first (then the earliest submitted), optionally of one building,
     * with how many are open in all. The total and the page come from one statement, so they agree even while events
     * arrive; a page past the end is empty and still says the total.
     */
    public Uni<Page<BoardRequest>> openRequests(String community, @Valid @NotNull BoardSearch search) {
        Instant now = clock.instant();
        int page = search.page;
        int size = search.size();
        String building = search.buildingOrAll();
        return pool.preparedQuery(OPEN_REQUESTS)
                .execute(Tuple.of(community, building, size, (long) page * size))
                .map(rows -> {
                    long total = 0;
                    List<BoardRequest> list = new ArrayList<>();
                    for (Row r : rows) {
                        total = r.getLong("total");
                        if (r.getString("request_id") == null) {
                            continue; // no request on this page: the one row only carries the total
                        }
                        Instant next = instant(r, "next_deadline");
                        list.add(new BoardRequest(r.getString("request_id"), r.getString("category"),
                                r.getString("building"), r.getString("status"), r.getString("urgency"),
                                r.getString("lead_party"), r.getString("lead_org"), instant(r, "respond_by"),
                                instant(r, "resolve_by"), instant(r, "responded_at"), instant(r, "submitted_at"),
                                next, next != null && next.isBefore(now), instant(r, "deadline_moved_at"),
                                r.getLong("merged_reports")));
                    }
                    return new Page<>(list, page, size, total);
                });
    }

    /**
     * Every building of the estate (the registry's, in grid order), with its open and overdue requests (zero when
     * none); a building with requests the registry does not (or no longer) list is drawn after the grid.
     */
    public Uni<List<BuildingLoad>> buildings(String community) {
        Uni<Map<String, long[]>> loads = pool.preparedQuery("""
                        select building, count(*) as open, count(*) filter (where %s) as overdue
                        from request_board where community_id = $1 and building is not null and %s
                        group by building""".formatted(LATE, OPEN))
                .execute(Tuple.of(community, at(clock.instant())))
                .map(rows -> {
                    Map<String, long[]> load = new HashMap<>();
                    for (Row r : rows) {
                        load.put(r.getString("building"), new long[] {r.getLong("open"), r.getLong("overdue")});
                    }
                    return load;
                });
        return loads.chain(load -> pool.preparedQuery("""
                        select code, grid_x, grid_y from estate_board
                        where community_id = $1 and not removed order by grid_y, grid_x, code""")
                .execute(Tuple.of(community))
                .map(rows -> {
                    List<BuildingLoad> list = new ArrayList<>();
                    for (Row r : rows) {
                        long[] l = load.remove(r.getString("code"));
                        list.add(new BuildingLoad(r.getString("code"), r.getInteger("grid_x"), r.getInteger("grid_y"),
                                l == null ? 0 : l[0], l == null ? 0 : l[1]));
                    }
                    load.forEach((b, l) -> list.add(new BuildingLoad(b, -1, -1, l[0], l[1])));
                    return list;
                }));
    }

    /**
     * Each community's open requests, those past their next deadline and those with an escalated task still open
     * (the street view); a community with no open request has no entry.
     */
    public Uni<Map<String, RequestCounts>> requestCounts(List<String> communities) {
        return pool.preparedQuery("""
                        select community_id, count(*) as open, count(*) filter (where %s) as late,
                               count(*) filter (where request_id in (
                                   select t.request_id from task_board t where t.community_id = any($1)
                                     and t.escalation_level > 0 and t.status in %s)) as escalated
                        from request_board where community_id = any($1) and %s
                        group by community_id""".formatted(LATE, StatusLists.TASKS_OPEN, OPEN))
                .execute(Tuple.of(communities.toArray(String[]::new), at(clock.instant())))
                .map(rows -> {
                    Map<String, RequestCounts> counts = new HashMap<>();
                    for (Row r : rows) {
                        counts.put(r.getString("community_id"), new RequestCounts(r.getLong("open"),
                                r.getLong("late"), r.getLong("escalated")));
                    }
                    return counts;
                });
    }

    /**
     * Each party's tasks in each of the communities (the street view): open, past their deadline (as the workload
     * counts them) and completed; a partner that serves several communities has a row in each.
     */
    public Uni<List<PartyInCommunity>> partiesAcross(List<String> communities) {
        return pool.preparedQuery("""
                        select organisation_id, community_id, max(organisation_name) as name,
                               count(*) filter (where status in %1$s) as open,
                               count(*) filter (where (status = $3
                                       and coalesce(moved_acknowledge_by, acknowledge_by) < $2)
                                   or (status in %1$s
                                       and coalesce(moved_complete_by, complete_by) < $2)) as late,
                               count(*) filter (where status = $4) as done
                        from task_board where community_id = any($1)
                        group by organisation_id, community_id
                        order by organisation_id, community_id""".formatted(StatusLists.TASKS_OPEN))
                .execute(Tuple.of(communities.toArray(String[]::new), at(clock.instant()),
                        TaskStatus.ASSIGNED.wire(), TaskStatus.COMPLETED.wire()))
                .map(rows -> {
                    List<PartyInCommunity> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new PartyInCommunity(r.getString("organisation_id"), r.getString("name"),
                                r.getString("community_id"), r.getLong("open"), r.getLong("late"),
                                r.getLong("done")));
                    }
                    return list;
                });
    }

    /** Open and overdue tasks per party; the volunteers' open offers and work in progress. */
    public Uni<Workload> workload(String community) {
        OffsetDateTime now = at(clock.instant());
        Uni<List<PartyLoad>> parties = pool.preparedQuery("""
                        select organisation_id, max(organisation_name) as name,
                               count(*) filter (where status in %1$s) as open,
                               count(*) filter (where (status = $3
                                       and coalesce(moved_acknowledge_by, acknowledge_by) < $2)
                                   or (status in %1$s
                                       and coalesce(moved_complete_by, complete_by) < $2))
                                   as overdue,
                               count(*) filter (where status in %1$s
                                   and escalation_level > 0) as escalated
                        from task_board where community_id = $1 group by organisation_id
                        order by open desc, organisation_id""".formatted(StatusLists.TASKS_OPEN))
                .execute(Tuple.of(community, now, TaskStatus.ASSIGNED.wire()))
                .map(rows -> {
                    List<PartyLoad> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new PartyLoad(r.getString("organisation_id"), r.getString("name"), r.getLong("open"),
                                r.getLong("overdue"), r.getLong("escalated")));
                    }
                    return list;
                });
        Uni<VolunteerLoad> volunteers = pool.preparedQuery("""
                        select count(*) filter (where status = $3 and (expires_at is null or expires_at > $2))
                                   as offers,
                               count(*) filter (where status = $4) as in_progress,
                               count(*) filter (where status = $5) as completed
                        from volunteer_board where community_id = $1""")
                .execute(Tuple.of(community, now, OfferState.OFFERED.name(), OfferState.ACCEPTED.name(),
                        OfferState.COMPLETED.name()))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new VolunteerLoad(r.getLong("offers"), r.getLong("in_progress"), r.getLong("completed"));
                });
        return Uni.combine().all().unis(parties, volunteers).asTuple()
                .map(t -> new Workload(t.getItem1(), t.getItem2()));
    }

    /** Warnings in force now (or starting within a day), not lifted, with their patrols' progress. */
    public Uni<List<ActiveWarning>> activeWarnings(String community) {
        return pool.preparedQuery("""
                        select w.warning_id, w.type, w.level, w.valid_from, w.valid_until, w.issued_at,
                               count(p.patrol_id) as patrols,
                               count(p.patrol_id) filter (where p.checkpoints_done >= p.checkpoints_total) as completed,
                               coalesce(sum(p.checkpoints_done), 0) as checkpoints_done,
                               coalesce(sum(p.checkpoints_total), 0) as checkpoints_total,
                               coalesce(sum(p.problems_found), 0) as problems_found
                        from warning_board w left join patrol_board p on p.warning_id = w.warning_id
                        where w.community_id = $1 and w.lifted_at is null
                          and (w.type is not null or w.issued_at is not null)
                          and (w.valid_until is null or w.valid_until > $2)
                          and (w.valid_from is null or w.valid_from <= $2 + interval '1 day')
                        group by w.warning_id
                        order by w.issued_at desc, w.warning_id""")
                .execute(Tuple.of(community, at(clock.instant())))
                .map(rows -> {
                    List<ActiveWarning> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new ActiveWarning(r.getString("warning_id"), r.getString("type"),
                                r.getString("level"), instant(r, "valid_from"), instant(r, "valid_until"),
                                instant(r, "issued_at"), new PatrolProgress(r.getLong("patrols"),
                                        r.getLong("completed"), r.getLong("checkpoints_done"),
                                        r.getLong("checkpoints_total"), r.getLong("problems_found"))));
                    }
                    return list;
                });
    }

    /** The deliberation hall: topics not yet decided, votes not yet closed, and decisions' progress (newest first). */
    public Uni<Deliberation> deliberation(String community) {
        Uni<List<OpenTopic>> topics = pool.preparedQuery("""
                        select t.topic_id, t.title, t.buildings, t.linked_requests, t.opened_at,
                               exists (select 1 from vote_board v where v.topic_id = t.topic_id and v.status = 'OPEN')
                                   as voting
                        from topic_board t where t.community_id = $1 and t.status = 'OPEN'
                        order by t.opened_at desc nulls last, t.topic_id limit 100""")
                .execute(Tuple.of(community))
                .map(rows -> {
                    List<OpenTopic> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new OpenTopic(r.getString("topic_id"), r.getString("title"),
                                DeliberationBoard.split(r.getString("buildings")), r.getInteger("linked_requests"),
                                instant(r, "opened_at"), r.getBoolean("voting")));
                    }
                    return list;
                });
        Uni<List<VoteInProgress>> votes = pool.preparedQuery("""
                        select v.vote_id, v.topic_id, t.title, v.question, v.rule, v.options, v.eligible_households,
                               v.opens_at, v.closes_at
                        from vote_board v left join topic_board t on t.topic_id = v.topic_id
                        where v.community_id = $1 and v.status = 'OPEN'
                        order by v.closes_at nulls last, v.vote_id limit 100""")
                .execute(Tuple.of(community))
                .map(rows -> {
                    List<VoteInProgress> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new VoteInProgress(r.getString("vote_id"), r.getString("topic_id"),
                                r.getString("title"), r.getString("question"), r.getString("rule"),
                                DeliberationBoard.split(r.getString("options")), r.getInteger("eligible_households"),
                                instant(r, "opens_at"), instant(r, "closes_at")));
                    }
                    return list;
                });
        Uni<List<DecisionProgress>> decisions = pool.preparedQuery("""
                        select topic_id, title, outcome, decided_at, action_items_total, action_items_done
                        from topic_board where community_id = $1 and status = 'DECIDED'
                        order by decided_at desc nulls last, topic_id limit 50""")
                .execute(Tuple.of(community))
                .map(rows -> {
                    List<DecisionProgress> list = new ArrayList<>();
                    for (Row r : rows) {
                        Integer total = r.getInteger("action_items_total");
                        Integer done = r.getInteger("action_items_done");
                        Integer percent = total == null || total == 0 || done == null ? null
                                : (int) Math.round(100.0 * Math.min(done, total) / total);
                        list.add(new DecisionProgress(r.getString("topic_id"), r.getString("title"),
                                r.getString("outcome"), instant(r, "decided_at"), total, done, percent));
                    }
                    return list;
                });
        return Uni.combine().all().unis(topics, votes, decisions).asTuple()
                .map(t -> new Deliberation(t.getItem1(), t.getItem2(), t.getItem3()));
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
