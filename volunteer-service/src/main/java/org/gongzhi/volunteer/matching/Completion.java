package org.gongzhi.volunteer.matching;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Hours worked (a quarter hour to a long day) and a note. */
public record Completion(@NotNull @DecimalMin("0.25") @DecimalMax("12") BigDecimal hours, @Size(max = 1000) String note) {
}
