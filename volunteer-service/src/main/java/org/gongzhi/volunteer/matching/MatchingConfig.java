package org.gongzhi.volunteer.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How volunteers are matched; every number here is documented in the README. */
@ConfigMapping(prefix = "gongzhi.matching")
public interface MatchingConfig {
    /** How long a volunteer has to accept an offer before it moves to the next candidate. */
    @WithDefault("PT15M")
    Duration offerExpiry();

    /** How often expired offers and missed visits are looked for (a scheduler period such as {@code 30s}). */
    @WithDefault("30s")
    String expiryCheck();

    /** Points lost per grid step between the volunteer's home and the request's building. */
    @WithDefault("5")
    int pointsPerStep();

    /** Points lost per task the volunteer did in the last 7 days (fairness). */
    @WithDefault("10")
    int pointsPerRecentTask();

    /** Volunteers living more grid steps away than this are not asked. */
    @WithDefault("12")
    int maxSteps();

    /** The skill asked for when the catalogue names none for a category (the registry's {@code skill}). */
    @WithDefault("errands")
    String defaultSkill();

    /** How long after a warning is issued a check-on-neighbour visit must be done, if the warning sets no end. */
    @WithDefault("PT6H")
    Duration visitWithin();
}
