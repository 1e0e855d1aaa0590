package org.gongzhi.alliance.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A worker gives a task to another party, with a reason. */
public record Reassignment(@NotBlank String organisationId, @NotBlank @Size(max = 500) String reason) {
}
