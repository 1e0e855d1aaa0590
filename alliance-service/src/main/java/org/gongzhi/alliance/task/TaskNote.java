package org.gongzhi.alliance.task;

import jakarta.validation.constraints.Size;

/** A partner's note on a task step: progress made, work done, or why they decline. */
public record TaskNote(@Size(max = 1000) String note) {
}
