package org.gongzhi.notification.street;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gongzhi.notification.board.Dashboard;
import org.gongzhi.notification.board.DashboardConfig;
import org.gongzhi.notification.board.DashboardViews;
import org.gongzhi.notification.board.DashboardViews.ActiveWarning;
import org.gongzhi.notification.board.DashboardViews.PartyInCommunity;
import org.gongzhi.notification.board.DashboardViews.Rate;
import org.gongzhi.notification.board.DashboardViews.RequestCounts;
import org.gongzhi.notification.board.DashboardViews.ThreeRates;
import org.gongzhi.notification.board.Rates;
import org.gongzhi.notification.street.StreetViews.CommunityFigures;
import org.gongzhi.notification.street.StreetViews.Overview;
import org.gongzhi.notification.street.StreetViews.PartyAcross;
import org.gongzhi.notification.street.StreetViews.PartyShare;
import org.gongzhi.notification.street.StreetViews.RankedRate;
import org.gongzhi.platform.reactive.InOrder;

/**
 * The street-level view of a sub-district: its communities (from the registry's copy, {@code community_directory})
 * side by side, each read from the same read models and with the same rules as its own dashboard ({@link Dashboard},
 * {@link Rates}), ranked per rate, and the parties' tasks across them.
 */
@ApplicationScoped
public class StreetOverview {
    private final Pool pool;
    private final Dashboard dashboard;
    private final Rates rates;
    private final DashboardConfig config;
    private final Clock clock;

    StreetOverview(Pool pool, Dashboard dashboard, Rates rates, DashboardConfig config, Clock clock) {
        this.pool = pool;
        this.dashboard = dashboard;
        this.rates = rates;
        this.config = config;
        this.clock = clock;
    }

    private record Community(String id, String name, String nameEn) {
    }

    private record Named(String name, String nameEn) {
    }

    /** The sub-district's overview; one the registry does not know has no communities. */
    public Uni<Overview> of(String subdistrict) {
        return pool.preparedQuery("""
                        select community_id, name, name_en, subdistrict_name, subdistrict_name_en
                        from community_directory where subdistrict_id = $1 order by community_id""")
                .execute(Tuple.of(subdistrict))
                .chain(rows -> {
                    List<Community> communities = new ArrayList<>();
                    Named named = new Named(null, null);
                    for (Row r : rows) {
                        communities.add(new Community(r.getString("community_id"), r.getString("name"),
                                r.getString("name_en")));
                        named = new Named(r.getString("subdistrict_name"), r.getString("subdistrict_name_en"));
                    }
                    Named subdistrictNames = named;
                    if (communities.isEmpty()) {
                        return Uni.createFrom().item(new Overview(subdistrict, null, null, config.zone().getId(),
                                clock.instant(), List.of(), List.of()));
                    }
                    List<String> ids = communities.stream().map(Community::id).toList();
                    Uni<Map<String, RequestCounts>> counts = dashboard.requestCounts(ids);
                    Uni<List<PartyInCommunity>> parties = dashboard.partiesAcross(ids);
                    Uni<List<DashboardViews.Rates>> rated = InOrder.map(ids, rates::ofCommunity);
                    Uni<List<List<ActiveWarning>>> warnings = InOrder.map(ids, dashboard::activeWarnings);
                    return Uni.combine().all().unis(counts, parties, rated, warnings).asTuple()
                            .map(t -> new Overview(subdistrict, subdistrictNames.name(), subdistrictNames.nameEn(),
                                    config.zone().getId(), clock.instant(),
                                    figures(communities, t.getItem1(), t.getItem3(), t.getItem4()),
                                    across(t.getItem2())));
                });
    }

    private static List<CommunityFigures> figures(List<Community> communities, Map<String, RequestCounts> counts,
            List<DashboardViews.Rates> rated, List<List<ActiveWarning>> warnings) {
        List<RankedRate> response = ranked(rated, ThreeRates::response);
        List<RankedRate> resolution = ranked(rated, ThreeRates::resolution);
        List<RankedRate> satisfaction = ranked(rated, ThreeRates::satisfaction);
        List<CommunityFigures> list = new ArrayList<>();
        for (int i = 0; i < communities.size(); i++) {
            Community c = communities.get(i);
            list.add(new CommunityFigures(c.id(), c.name(), c.nameEn(), counts.getOrDefault(c.id(), RequestCounts.NONE),
                    response.get(i), resolution.get(i), satisfaction.get(i), warnings.get(i)));
        }
        return list;
    }

    /** One rate of every community, in their order, with the trend and the rank by this week's rate. */
    static List<RankedRate> ranked(List<DashboardViews.Rates> rated, Function<ThreeRates, Rate> which) {
        List<Double> weeks = rated.stream().map(r -> which.apply(r.week()).rate()).toList();
        List<RankedRate> list = new ArrayList<>();
        for (DashboardViews.Rates r : rated) {
            Rate week = which.apply(r.week());
            Rate lastWeek = which.apply(r.lastWeek());
            Double change = week.rate() == null || lastWeek.rate() == null ? null
                    : Math.round(10000.0 * (week.rate() - lastWeek.rate())) / 10000.0;
            Integer rank = week.rate() == null ? null
                    : 1 + (int) weeks.stream().filter(w -> w != null && w > week.rate()).count();
            list.add(new RankedRate(week, lastWeek, which.apply(r.month()), change, rank));
        }
        return list;
    }

    /** Each party's rows (one per community it has tasks in) summed, busiest first. */
    private static List<PartyAcross> across(List<PartyInCommunity> rows) {
        Map<String, List<PartyInCommunity>> byParty = new LinkedHashMap<>();
        rows.forEach(r -> byParty.computeIfAbsent(r.organisationId(), o -> new ArrayList<>()).add(r));
        return byParty.values().stream().map(shares -> new PartyAcross(shares.get(0).organisationId(),
                        shares.stream().map(PartyInCommunity::name).filter(n -> n != null).findFirst().orElse(null),
                        shares.stream().mapToLong(PartyInCommunity::open).sum(),
                        shares.stream().mapToLong(PartyInCommunity::late).sum(),
                        shares.stream().mapToLong(PartyInCommunity::done).sum(),
                        shares.stream().map(s -> new PartyShare(s.communityId(), s.open(), s.late(), s.done()))
                                .toList()))
                .sorted(Comparator.comparingLong(PartyAcross::open).reversed()
                        .thenComparing(PartyAcross::organisationId))
                .toList();
    }
}
