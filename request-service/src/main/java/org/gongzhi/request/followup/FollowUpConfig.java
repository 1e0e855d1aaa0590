package org.gongzhi.request.followup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "gongzhi.follow-ups")
public interface FollowUpConfig {
    /** How long after resolution a return visit is due. */
    @WithDefault("P3D")
    Duration dueAfter();
}
