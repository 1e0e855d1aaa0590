package org.gongzhi.request.category;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The time limits of any request marked URGENT, whatever its category (after Beijing's 12345 practice); a category's
 * own limits are catalogue data ({@code /api/categories}).
 */
@ConfigMapping(prefix = "gongzhi.time-limits")
public interface TimeLimitsConfig {
    @WithDefault("PT30M")
    Duration urgentDangerRespond();

    @WithDefault("PT2H")
    Duration urgentDangerResolve();
}
