package org.gongzhi.alliance.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whistle's meeting starts at the next working slot after the lead time. */
class MeetingSlotTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final MeetingConfig DEFAULTS = new MeetingConfig() {
        public Duration leadTime() {
            return Duration.ofHours(2);
        }

        public LocalTime opens() {
            return LocalTime.of(9, 0);
        }

        public LocalTime lastStart() {
            return LocalTime.of(17, 0);
        }

        public Set<DayOfWeek> workingDays() {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }

        public ZoneId zone() {
            return BEIJING;
        }

        public String place() {
            return "community office";
        }

        public Map<String, String> places() {
            return Map.of();
        }
    };

    private static ZonedDateTime slotAfter(String localTime) {
        Instant now = ZonedDateTime.parse(localTime + "+08:00[Asia/Shanghai]").toInstant();
        return MeetingSlot.after(now, DEFAULTS).atZone(BEIJING);
    }

    @Test
    void theLeadTimeAheadOnTheNextHalfHour() {
        // Wednesday 2026-12-02
        assertThat(slotAfter("2026-12-02T10:10:00")).isEqualTo("2026-12-02T12:30+08:00[Asia/Shanghai]");
        assertThat(slotAfter("2026-12-02T10:40:00")).isEqualTo("2026-12-02T13:00+08:00[Asia/Shanghai]");
        assertThat(slotAfter("2026-12-02T10:30:00")).isEqualTo("2026-12-02T12:30+08:00[Asia/Shanghai]");
    }

    @Test
    void beforeOpeningItWaitsForOpeningAndAfterTheLastStartForTheNextWorkingDay() {
        assertThat(slotAfter("2026-12-02T03:00:00")).isEqualTo("2026-12-02T09:00+08:00[Asia/Shanghai]");
        assertThat(slotAfter("2026-12-02T15:10:00")).isEqualTo("2026-12-03T09:00+08:00[Asia/Shanghai]");
        // Friday evening and the weekend: Monday morning
        assertThat(slotAfter("2026-12-04T16:00:00")).isEqualTo("2026-12-07T09:00+08:00[Asia/Shanghai]");
        assertThat(slotAfter("2026-12-05T11:00:00")).isEqualTo("2026-12-07T09:00+08:00[Asia/Shanghai]");
    }
}
