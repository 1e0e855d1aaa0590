package org.gongzhi.notification.street;

import java.time.Instant;
import java.util.List;
import org.gongzhi.notification.board.DashboardViews.ActiveWarning;
import org.gongzhi.notification.board.DashboardViews.Rate;
import org.gongzhi.notification.board.DashboardViews.RequestCounts;

/** What the street-level view (街道视图) answers. */
public final class StreetViews {
    private StreetViews() {
    }

    /** A sub-district's communities side by side, and the parties across them. */
    public record Overview(String subdistrictId, String name, String nameEn, String zone, Instant at,
            List<CommunityFigures> communities, List<PartyAcross> parties) {
    }

    /** One community: its requests, its three rates (this week, with the trend and the rank) and its warnings. */
    public record CommunityFigures(String id, String name, String nameEn, RequestCounts requests, RankedRate response,
            RankedRate resolution, RankedRate satisfaction, List<ActiveWarning> warnings) {
    }

    /**
     * A rate of one community: this week's, last week's, this month's; {@code change} is this week's minus last week's
     * (null while either has nothing due); {@code rank} among the sub-district's communities by this week's rate,
     * 1 the best, equal rates sharing a rank (null while nothing was due this week).
     */
    public record RankedRate(Rate week, Rate lastWeek, Rate month, Double change, Integer rank) {
    }

    /** A party's tasks across the communities it serves, with each community's share. */
    public record PartyAcross(String organisationId, String name, long open, long late, long done,
            List<PartyShare> communities) {
    }

    public record PartyShare(String communityId, long open, long late, long done) {
    }
}
