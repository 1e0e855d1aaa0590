package org.gongzhi.request.request;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Merge this request into its master. */
public record Merge(@NotNull UUID into) {
}
