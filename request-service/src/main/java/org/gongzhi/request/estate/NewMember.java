package org.gongzhi.request.estate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Links a resident's account to their household. */
public record NewMember(@NotBlank @Size(max = 64) String residentId, @NotBlank String building, @NotBlank String unit,
        @NotBlank String household, boolean owner) {
}
