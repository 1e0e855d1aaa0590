package org.gongzhi.volunteer.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A worker flags a household for checking in an emergency. */
public record NewHousehold(@NotBlank @Size(max = 16) String building, @Size(max = 8) String unit,
        @Size(max = 8) String door,
        @NotNull @Pattern(regexp = "ELDERLY_ALONE|DISABILITY|ILLNESS|OTHER",
                message = "must be ELDERLY_ALONE, DISABILITY, ILLNESS or OTHER") String need,
        @Size(max = 500) String note) {
}
