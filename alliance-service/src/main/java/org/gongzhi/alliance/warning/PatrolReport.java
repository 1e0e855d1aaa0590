package org.gongzhi.alliance.warning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a patrol found, checkpoint by checkpoint; a report may name some checkpoints only, and a checkpoint may be
 * reported again. A PROBLEM says what it is (category, urgency, description, place), so it can become a request.
 */
public record PatrolReport(@NotEmpty @Size(max = 20) List<@Valid @NotNull Result> checks) {

    public record Result(
            @Min(0) int position,
            @NotNull @Pattern(regexp = "OK|PROBLEM", message = "must be OK or PROBLEM") String result,
            @Size(max = 500) String note,
            @Size(max = 64) String category,
            @Pattern(regexp = "URGENT|HIGH|NORMAL|LOW", message = "must be URGENT, HIGH, NORMAL or LOW")
            String urgency,
            @Size(max = 500) String description,
            @Size(max = 100) String place) {

        public Result(int position, String result, String note) {
            this(position, result, note, null, null, null, null);
        }

        boolean problem() {
            return "PROBLEM".equals(result);
        }
    }
}
