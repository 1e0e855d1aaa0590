package org.gongzhi.alliance.cases;

import java.time.Duration;
import java.util.Objects;

/** How long a party has to acknowledge its task in, and to complete it in. */
public record Windows(Duration acknowledgeWithin, Duration completeWithin) {

    public Windows {
        Objects.requireNonNull(acknowledgeWithin, "acknowledgeWithin");
        Objects.requireNonNull(completeWithin, "completeWithin");
    }
}
