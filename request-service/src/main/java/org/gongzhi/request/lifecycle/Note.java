package org.gongzhi.request.lifecycle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A short text: a reason, or an internal note. */
@Schema(description = "A short text: a reason, or an internal note", example = """
        {"text": "Plumber booked for 14:00; resident informed"}""")
public record Note(@NotBlank @Size(max = 1000) String text) {
}
