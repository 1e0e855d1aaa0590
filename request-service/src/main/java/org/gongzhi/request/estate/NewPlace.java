package org.gongzhi.request.estate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A named place to register or change (the path names its code): its names in Chinese and English. */
@Schema(description = "A named place of the estate", example = """
        {"name": "小区东门", "nameEn": "East gate"}""")
public record NewPlace(
        @NotBlank @Size(max = 64) String name,
        @NotBlank @Size(max = 64) String nameEn) {
}
