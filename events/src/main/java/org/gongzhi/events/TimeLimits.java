package org.gongzhi.events;

import java.time.Duration;

/**
 * A request's time limits as request-service's category catalogue gives them for its category and urgency: how long
 * to respond and to resolve, as ISO-8601 durations ({@code PT30M}, {@code PT24H}). Lets another service time work it
 * starts later (e.g. the alliance, on a volunteer's hand-over) without keeping a copy of the catalogue.
 */
public record TimeLimits(String respondWithin, String resolveWithin) {

    public static TimeLimits of(Duration respondWithin, Duration resolveWithin) {
        return new TimeLimits(respondWithin.toString(), resolveWithin.toString());
    }

    /** {@link #respondWithin} as a duration. */
    public Duration respond() {
        return Duration.parse(respondWithin);
    }

    /** {@link #resolveWithin} as a duration. */
    public Duration resolve() {
        return Duration.parse(resolveWithin);
    }
}
