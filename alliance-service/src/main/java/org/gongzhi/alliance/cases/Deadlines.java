package org.gongzhi.alliance.cases;

import java.time.Instant;

/** When a party must acknowledge its task by, and complete it by. */
public record Deadlines(Instant acknowledgeBy, Instant completeBy) {

    /** Deadlines that start now: the windows given, from {@code now}. */
    public static Deadlines from(Instant now, Windows limits) {
        return new Deadlines(now.plus(limits.acknowledgeWithin()), now.plus(limits.completeWithin()));
    }
}
