package org.gongzhi.alliance.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import org.gongzhi.events.OrganisationType;

/** A member organisation to register (or the new state of one). */
public record NewOrganisation(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}", message = "lower-case letters, digits and '-', up to 32")
        String id,
        @NotBlank @Size(max = 64) String name,
        @Size(max = 128) String nameEn,
        @NotNull @Pattern(regexp = OrganisationType.PATTERN, message = OrganisationType.MESSAGE) String type,
        @Size(max = 64) List<@NotBlank String> buildings,
        @Size(max = 32) List<@NotBlank String> categories,
        @Size(max = 20) List<@Valid NewContact> contacts,
        @Size(max = 50) List<@Valid NewShift> rota) {

    public record NewContact(
            @NotBlank @Size(max = 64) String name,
            @Size(max = 64) String role,
            @Pattern(regexp = "\\+?[0-9-]{5,20}", message = "must be a phone number") String phone) {
    }

    public record NewShift(
            @Min(1) @Max(7) int dayOfWeek,
            @NotNull LocalTime starts,
            @NotNull LocalTime ends,
            @NotBlank @Size(max = 64) String contact,
            @NotBlank @Size(max = 64) String backup) {
    }
}
