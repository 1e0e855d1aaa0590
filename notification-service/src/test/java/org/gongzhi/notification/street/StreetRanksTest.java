package org.gongzhi.notification.street;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongzhi.notification.board.DashboardViews;
import org.gongzhi.notification.board.DashboardViews.Rate;
import org.gongzhi.notification.board.DashboardViews.ThreeRates;
import org.gongzhi.notification.street.StreetViews.RankedRate;
import org.junit.jupiter.api.Test;

/** How the street view ranks the communities by a rate and says its change on last week; no database needed. */
class StreetRanksTest {

    private static DashboardViews.Rates rates(Rate week, Rate lastWeek) {
        Rate none = Rate.of(0, 0);
        return new DashboardViews.Rates("Asia/Shanghai", new ThreeRates(none, none, none),
                new ThreeRates(week, none, none), new ThreeRates(lastWeek, none, none), new ThreeRates(none, none, none),
                List.of(), List.of());
    }

    @Test
    void equalRatesShareARankTheNextComesAfterThemAndNothingDueHasNone() {
        List<RankedRate> ranked = StreetOverview.ranked(List.of(rates(Rate.of(3, 4), Rate.of(1, 2)),
                rates(Rate.of(9, 10), Rate.of(0, 0)), rates(Rate.of(6, 8), Rate.of(3, 4)), rates(Rate.of(0, 0),
                        Rate.of(1, 1)), rates(Rate.of(1, 2), Rate.of(1, 2))), ThreeRates::response);

        assertThat(ranked).extracting(RankedRate::rank).containsExactly(2, 1, 2, null, 4);
        // this week minus last week; none while either had nothing due
        assertThat(ranked).extracting(RankedRate::change).containsExactly(0.25, null, 0.0, null, 0.0);
    }
}
