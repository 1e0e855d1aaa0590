package org.gongzhi.alliance.warning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a patrol found, checkpoint by checkpoint. */
public record PatrolReport(@NotEmpty @Size(max = 20) List<@Valid @NotNull Result> checks) {

    public record Result(
            @Min(0) int position,
            @NotNull @Pattern(regexp = "OK|PROBLEM", message = "must be OK or PROBLEM") String result,
            @Size(max = 500) String note) {
    }
}
