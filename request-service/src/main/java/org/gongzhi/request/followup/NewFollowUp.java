package org.gongzhi.request.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a return visit found. A resident rating in the app uses method {@code app}. */
public record NewFollowUp(
        @NotNull @Pattern(regexp = "phone|door|app", message = "must be one of phone, door, app") String method,
        @NotNull Boolean solved,
        @NotNull Boolean satisfied,
        @Size(max = 1000) String comment) {
}
