package org.gongzhi.notification.board;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongzhi.notification.board.DashboardViews.DayRates;
import org.gongzhi.notification.board.DashboardViews.PartyRates;
import org.gongzhi.notification.board.DashboardViews.Rate;
import org.gongzhi.notification.board.DashboardViews.ThreeRates;

/**
 * The three rates (三率) as the README defines them. Each counts only what is decided: a request still inside its
 * window and not yet answered is in neither the numerator nor the denominator.
 * <ul>
 * <li>response (响应率): requests whose respond-by falls in the period and that were responded to or are past it;
 * responded in time = first acknowledgement/start of work/volunteer acceptance at or before respond-by;</li>
 * <li>resolution (解决率): requests whose resolve-by falls in the period and that were resolved or are past it; resolved
 * in time = RESOLVED at or before resolve-by and not reopened since (a return visit that finds it unsolved reopens it);
 * withdrawn and rejected requests count in neither;</li>
 * <li>satisfaction (满意率): return visits recorded in the period; satisfied ones over all.</li>
 * </ul>
 */
@ApplicationScoped
public class Rates {
    private final Pool pool;
    private final Clock clock;
    private final DashboardConfig config;

    Rates(Pool pool, Clock clock, DashboardConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /** The community's rates with this month's per party (the dashboard's). */
    public Uni<DashboardViews.Rates> of(String community) {
        return of(community, true);
    }

    /** The community's rates without the parties' (the street view, which counts the parties across communities). */
    public Uni<DashboardViews.Rates> ofCommunity(String community) {
        return of(community, false);
    }

    private Uni<DashboardViews.Rates> of(String community, boolean withParties) {
        ZoneId zone = config.zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastWeek = week.minusWeeks(1);
        LocalDate month = today.withDayOfMonth(1);
        LocalDate trendFrom = today.minusDays(config.trendDays() - 1L);
        LocalDate from = min(min(lastWeek, month), trendFrom);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
        Tuple window = Tuple.of(community, Dashboard.at(start), Dashboard.at(end), Dashboard.at(now), zone.getId());

        Uni<Map<LocalDate, long[]>> response = daily("""
                select (respond_by at time zone $5)::date as day,
                       count(*) filter (where responded_at <= respond_by) as yes, count(*) as total
                from request_board where community_id = $1 and respond_by >= $2 and respond_by < $3
                  and (responded_at is not null or respond_by <= $4) and status not in %s
                group by day""".formatted(StatusLists.REQUESTS_DROPPED), window);
        Uni<Map<LocalDate, long[]>> resolution = daily("""
                select (resolve_by at time zone $5)::date as day,
                       count(*) filter (where resolved_at <= resolve_by) as yes, count(*) as total
                from request_board where community_id = $1 and resolve_by >= $2 and resolve_by < $3
                  and (resolved_at is not null or resolve_by <= $4) and status not in %s
                group by day""".formatted(StatusLists.REQUESTS_DROPPED), window);
        Uni<Map<LocalDate, long[]>> satisfaction = daily("""
                select (visited_at at time zone $5)::date as day,
                       count(*) filter (where satisfied) as yes, count(*) as total
                from follow_up where community_id = $1 and visited_at >= $2 and visited_at < $3 and $4::timestamptz is not null
                group by day""", window);
        Uni<List<PartyRates>> parties = withParties
                ? parties(community, month.atStartOfDay(zone).toInstant(), end, now)
                : Uni.createFrom().item(List.of());

        return Uni.combine().all().unis(response, resolution, satisfaction, parties).asTuple().map(t -> {
            List<DayRates> trend = new ArrayList<>();
            for (LocalDate d = trendFrom; !d.isAfter(today); d = d.plusDays(1)) {
                trend.add(new DayRates(d, sum(t.getItem1(), d, d), sum(t.getItem2(), d, d), sum(t.getItem3(), d, d)));
            }
            return new DashboardViews.Rates(zone.getId(),
                    three(t.getItem1(), t.getItem2(), t.getItem3(), today, today),
                    three(t.getItem1(), t.getItem2(), t.getItem3(), week, today),
                    three(t.getItem1(), t.getItem2(), t.getItem3(), lastWeek, week.minusDays(1)),
                    three(t.getItem1(), t.getItem2(), t.getItem3(), month, today),
                    trend, t.getItem4());
        });
    }

    /** This month's rates per party: its tasks acknowledged and completed in time, and its requests' return visits. */
    private Uni<List<PartyRates>> parties(String community, Instant start, Instant end, Instant now) {
        Tuple window = Tuple.of(community, Dashboard.at(start), Dashboard.at(end), Dashboard.at(now));
        Uni<RowSet<Row>> tasks = pool.preparedQuery("""
                select organisation_id, max(organisation_name) as name,
                       count(*) filter (where acknowledge_by >= $2 and acknowledge_by < $3
                           and (acknowledged_at is not null or acknowledge_by <= $4)) as ack_due,
                       count(*) filter (where acknowledge_by >= $2 and acknowledge_by < $3
                           and acknowledged_at <= acknowledge_by) as ack_ok,
                       count(*) filter (where complete_by >= $2 and complete_by < $3
                           and (completed_at is not null or complete_by <= $4)) as done_due,
                       count(*) filter (where complete_by >= $2 and complete_by < $3
                           and completed_at <= complete_by) as done_ok
                from task_board where community_id = $1 and status not in %s
                group by organisation_id order by organisation_id""".formatted(StatusLists.TASKS_DROPPED))
                .execute(window);
        Uni<RowSet<Row>> visits = pool.preparedQuery("""
                select r.lead_org, count(*) filter (where f.satisfied) as yes, count(*) as total
                from follow_up f join request_board r on r.request_id = f.request_id
                where f.community_id = $1 and f.visited_at >= $2 and f.visited_at < $3 and $4::timestamptz is not null
                  and r.lead_org is not null
                group by r.lead_org""").execute(window);
        return Uni.combine().all().unis(tasks, visits).asTuple().map(t -> {
            Map<String, long[]> satisfied = new LinkedHashMap<>();
            for (Row r : t.getItem2()) {
                satisfied.put(r.getString("lead_org"), new long[] {r.getLong("yes"), r.getLong("total")});
            }
            List<PartyRates> list = new ArrayList<>();
            for (Row r : t.getItem1()) {
                long[] s = satisfied.getOrDefault(r.getString("organisation_id"), new long[2]);
                list.add(new PartyRates(r.getString("organisation_id"), r.getString("name"),
                        Rate.of(r.getLong("ack_ok"), r.getLong("ack_due")),
                        Rate.of(r.getLong("done_ok"), r.getLong("done_due")), Rate.of(s[0], s[1])));
            }
            return list;
        });
    }

    private Uni<Map<LocalDate, long[]>> daily(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            Map<LocalDate, long[]> days = new TreeMap<>();
            for (Row r : rows) {
                days.put(r.getLocalDate("day"), new long[] {r.getLong("yes"), r.getLong("total")});
            }
            return days;
        });
    }

    private static ThreeRates three(Map<LocalDate, long[]> response, Map<LocalDate, long[]> resolution,
            Map<LocalDate, long[]> satisfaction, LocalDate from, LocalDate to) {
        return new ThreeRates(sum(response, from, to), sum(resolution, from, to), sum(satisfaction, from, to));
    }

    private static Rate sum(Map<LocalDate, long[]> days, LocalDate from, LocalDate to) {
        long yes = 0;
        long total = 0;
        for (var e : days.entrySet()) {
            if (!e.getKey().isBefore(from) && !e.getKey().isAfter(to)) {
                yes += e.getValue()[0];
                total += e.getValue()[1];
            }
        }
        return Rate.of(yes, total);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
