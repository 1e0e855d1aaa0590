package org.gongzhi.request.category;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A community's own time limits for a category, in place of the catalogue's (a request not marked URGENT). */
@Schema(description = "A community's own time limits for a category (ISO-8601), for a request not marked URGENT",
        example = """
        {"respondWithin": "PT1H", "resolveWithin": "P1D"}""")
public record CommunityTimeLimits(@NotNull Duration respondWithin, @NotNull Duration resolveWithin) {
}
