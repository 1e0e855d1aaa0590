package org.gongzhi.hall;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "gongzhi.deliberation")
public interface DeliberationConfig {
    /** How many similar requests (same category, same building) suggest a topic. */
    @WithDefault("3")
    int clusterSize();

    /** How far back similar requests are looked for. */
    @WithDefault("P30D")
    Duration clusterWindow();
}
