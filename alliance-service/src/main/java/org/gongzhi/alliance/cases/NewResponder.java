package org.gongzhi.alliance.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A worker adds a party to a request (SUPPORT unless said otherwise), with a reason. */
public record NewResponder(
        @NotBlank String organisationId,
        @Pattern(regexp = "LEAD|SUPPORT", message = "must be LEAD or SUPPORT") String role,
        @NotBlank @Size(max = 500) String reason) {
}
