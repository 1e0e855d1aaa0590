package org.gongzhi.alliance.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The partner task feed. */
@ConfigMapping(prefix = "gongzhi.feed")
public interface FeedConfig {
    /** How often an open feed looks for new entries. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Entries sent per look. */
    @WithDefault("200")
    int batchSize();
}
