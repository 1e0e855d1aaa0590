package org.gongzhi.alliance.warning;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A weather warning to issue: type, level and the window it is in force. */
public record NewWarning(
        @NotNull @Pattern(regexp = "rainstorm|wind|snow|heat", message = "must be rainstorm, wind, snow or heat")
        String type,
        @NotNull @Pattern(regexp = "blue|yellow|orange|red", message = "must be blue, yellow, orange or red")
        String level,
        Instant from,
        @NotNull Instant until) {
}
