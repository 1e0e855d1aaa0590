package org.gongzhi.alliance.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The escalation ladder (吹哨报到): how long after a missed acknowledge deadline each step fires. */
@ConfigMapping(prefix = "gongzhi.escalation")
public interface EscalationConfig {
    /** How often the deadlines are checked ("off" disables the scheduler; tests call the check directly). */
    @WithDefault("1m")
    String checkEvery();

    /** Level 1: the backup contact of the shift on duty is notified. */
    @WithDefault("PT0S")
    Duration backupAfter();

    /** Level 2: the community secretary is notified. */
    @WithDefault("PT1H")
    Duration secretaryAfter();

    /** Level 3: a joint meeting of every party of the request is convened (the "whistle"). */
    @WithDefault("PT4H")
    Duration whistleAfter();

    /** Who is told at level 2. */
    @WithDefault("community secretary")
    String secretary();

    default Duration after(int level) {
        return switch (level) {
            case 1 -> backupAfter();
            case 2 -> secretaryAfter();
            default -> whistleAfter();
        };
    }
}
