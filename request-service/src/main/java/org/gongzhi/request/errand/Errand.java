package org.gongzhi.request.errand;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request as the volunteer offered it, or holding it, sees it. */
@Schema(description = "What, where and by when; the description only once the volunteer has accepted and while the "
        + "job is open")
public record Errand(UUID requestId, String category, String building, String unit, String household, String place,
        Instant resolveBy, String status,
        @Schema(description = "OFFERED or ACCEPTED: where the volunteer's job stands") String job,
        @Schema(description = "Only once accepted, while the job is open") String description) {
}
