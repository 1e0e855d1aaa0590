package org.gongzhi.alliance.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A risk point to register: in a building or at a named place of the estate registry (one of the two). */
public record NewRiskPoint(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,47}", message = "lower-case letters, digits and '-'")
        String id,
        @NotBlank @Size(max = 64) String name,
        String building,
        String place,
        @NotBlank @Size(max = 32) String kind,
        @NotEmpty List<@NotNull @Pattern(regexp = "rainstorm|wind|snow|heat",
                message = "must be rainstorm, wind, snow or heat") String> warningTypes,
        @NotBlank String organisation,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> checklist) {
}
