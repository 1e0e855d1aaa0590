package org.gongzhi.request.lifecycle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Merge this request into its master. */
@Schema(description = "The master request this one duplicates", example = """
        {"into": "3f6c1a52-8d0e-4c1b-9a57-2b7f0e4d9c11"}""")
public record Merge(@NotNull UUID into) {
}
