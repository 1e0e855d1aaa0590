package org.gongzhi.request.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A short text: a reason, or an internal note. */
public record Note(@NotBlank @Size(max = 1000) String text) {
}
