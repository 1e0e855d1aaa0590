package org.gongzhi.alliance.warning;

import jakarta.validation.constraints.Size;

/** Why a warning is lifted (optional). */
public record LiftWarning(@Size(max = 500) String reason) {
}
