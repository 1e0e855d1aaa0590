package org.gongzhi.volunteer.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "gongzhi.matching")
public interface MatchingConfig {
    /** How long a volunteer has to accept an offer before it moves to the next candidate. */
    @WithDefault("PT15M")
    Duration offerExpiry();

    /** Points lost per grid step between the volunteer's home and the request's building. */
    @WithDefault("5")
    int pointsPerStep();

    /** Points lost per task the volunteer did in the last 7 days (fairness). */
    @WithDefault("10")
    int pointsPerRecentTask();

    /** Volunteers living more grid steps away than this are not asked. */
    @WithDefault("12")
    int maxSteps();
}
