package org.gongzhi.request.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category to add or change: everything but the code, which the path names when it is changed. */
@Schema(description = "A category with its tracks, default urgency, time limits (ISO-8601, for a request not marked "
        + "URGENT) and the volunteer skill it needs", example = """
        {"code": "pet-nuisance", "nameZh": "宠物扰民", "nameEn": "Pet nuisance", "tracks": ["ALLIANCE"],
         "defaultUrgency": "NORMAL", "respondWithin": "PT24H", "resolveWithin": "P7D", "skill": null}""")
public record NewCategory(
        @Pattern(regexp = "[a-z0-9-]{1,32}", message = "must be 1 to 32 lower-case letters, digits or '-'") String code,
        @NotBlank @Size(max = 32) String nameZh,
        @NotBlank @Size(max = 64) String nameEn,
        @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = "ALLIANCE|VOLUNTEERS|DELIBERATION",
                message = "must be ALLIANCE, VOLUNTEERS or DELIBERATION") String> tracks,
        @NotNull Urgency defaultUrgency,
        @NotNull Duration respondWithin,
        @NotNull Duration resolveWithin,
        @Pattern(regexp = "[a-z0-9-]{1,32}", message = "must be 1 to 32 lower-case letters, digits or '-'") String skill) {
}
