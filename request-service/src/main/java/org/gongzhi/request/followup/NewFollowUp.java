package org.gongzhi.request.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a return visit found. A resident rating in the app uses method {@code app}. */
@Schema(description = "What a return visit found", example = """
        {"method": "phone", "solved": true, "satisfied": true, "comment": "Leak fixed, ceiling dry"}""")
public record NewFollowUp(
        @NotNull @Pattern(regexp = "phone|door|app", message = "must be one of phone, door, app") String method,
        @NotNull Boolean solved,
        @NotNull Boolean satisfied,
        @Size(max = 1000) String comment) {
}
