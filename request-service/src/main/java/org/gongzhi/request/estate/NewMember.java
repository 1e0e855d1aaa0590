package org.gongzhi.request.estate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Links a resident's account to their household. */
@Schema(description = "A resident's account linked to their household; owners vote on owners' matters", example = """
        {"residentId": "r-2041", "building": "7", "unit": "1", "household": "101", "owner": true}""")
public record NewMember(@NotBlank @Size(max = 64) String residentId, @NotBlank String building, @NotBlank String unit,
        @NotBlank String household, boolean owner) {
}
