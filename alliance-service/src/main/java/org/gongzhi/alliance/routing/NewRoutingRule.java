package org.gongzhi.alliance.routing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A routing rule to add; no buildings means every building. */
public record NewRoutingRule(
        @NotBlank String category,
        @Size(max = 64) List<@NotBlank String> buildings,
        @NotBlank String lead,
        @Size(max = 10) List<@NotBlank String> supporting,
        @Min(0) @Max(1000) Integer priority) {
}
