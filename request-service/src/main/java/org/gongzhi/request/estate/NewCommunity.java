package org.gongzhi.request.estate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A community to register or change (the path names its id): its names and its sub-district. */
@Schema(description = "A community with its names and the sub-district (街道) it belongs to", example = """
        {"name": "青年湖社区", "nameEn": "Qingnianhu community",
         "subdistrict": {"id": "hepingli-subdistrict", "name": "和平里街道", "nameEn": "Hepingli Sub-district"}}""")
public record NewCommunity(
        @NotBlank @Size(max = 60) String name,
        @NotBlank @Size(max = 80) String nameEn,
        @NotNull @Valid SubDistrict subdistrict) {

    /** The sub-district (街道): its id is what a sub-district office's token names. */
    public record SubDistrict(
            @NotNull @Pattern(regexp = "[a-z0-9-]{1,48}", message = "must be 1 to 48 lower-case letters, digits or '-'")
            String id,
            @NotBlank @Size(max = 60) String name,
            @NotBlank @Size(max = 80) String nameEn) {
    }
}
