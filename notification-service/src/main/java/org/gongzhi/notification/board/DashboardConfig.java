package org.gongzhi.notification.board;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** The dashboard's settings. */
@ConfigMapping(prefix = "gongzhi.dashboard")
public interface DashboardConfig {

    /** The zone in which "today", "this week" (from Monday) and "this month" begin. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Days in the rates' trend line. */
    @WithDefault("14")
    int trendDays();

    /** Local demo only: {@code GET /api/dev/session} hands the page a worker token. Never enable in production. */
    @WithDefault("false")
    boolean devLogin();

}
