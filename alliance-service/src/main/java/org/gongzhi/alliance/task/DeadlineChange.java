package org.gongzhi.alliance.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A worker moves a task's deadlines, with a reason; a deadline left out stays as it is. */
public record DeadlineChange(Instant acknowledgeBy, Instant completeBy, @NotBlank @Size(max = 500) String reason) {
}
