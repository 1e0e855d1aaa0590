package org.gongzhi.volunteer.activity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the activity endpoints take and give. */
public final class ActivityApi {
    private ActivityApi() {
    }

    /** A team publishes an activity; {@code repeatWeeks} more occurrences follow weekly. */
    public record NewActivity(@NotBlank @Size(max = 100) String title,
            @NotNull @Pattern(regexp = "REPAIR_DAY|CLEAN_UP|WATCH_ROUND|OTHER",
                    message = "must be REPAIR_DAY, CLEAN_UP, WATCH_ROUND or OTHER") String kind,
            @Size(max = 16) String building, @NotNull Instant startsAt,
            @NotNull @DecimalMin("0.25") @DecimalMax("12") BigDecimal hours,
            @Min(1) @Max(200) int capacity, @Min(0) @Max(12) int repeatWeeks) {
    }

    /** Who was there; each is credited the activity's hours. */
    public record Attendance(@NotNull @Size(max = 200) List<@NotBlank String> present) {
    }

    public record ActivityView(UUID id, UUID seriesId, String team, String title, String kind, String building,
            Instant startsAt, BigDecimal hours, int capacity, long signedUp, boolean attendanceClosed) {
        static ActivityView of(Activity a, long signedUp) {
            return new ActivityView(a.id, a.seriesId, a.team, a.title, a.kind, a.building, a.startsAt, a.hours,
                    a.capacity, signedUp, a.attendanceClosed);
        }
    }
}
