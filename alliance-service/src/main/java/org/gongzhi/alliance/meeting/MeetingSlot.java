package org.gongzhi.alliance.meeting;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The next working slot: the lead time after now, on the half hour, moved into the office's working hours. */
final class MeetingSlot {
    private MeetingSlot() {
    }

    static Instant after(Instant now, MeetingConfig config) {
        ZonedDateTime t = now.plus(config.leadTime()).atZone(config.zone());
        ZonedDateTime hour = t.truncatedTo(ChronoUnit.HOURS);
        t = t.equals(hour) ? t : !t.isAfter(hour.plusMinutes(30)) ? hour.plusMinutes(30) : hour.plusHours(1);
        LocalTime at = t.toLocalTime();
        if (at.isBefore(config.opens())) {
            t = t.with(config.opens());
        } else if (at.isAfter(config.lastStart())) {
            t = t.plusDays(1).with(config.opens());
        }
        // at most a week of closed days (an empty set of working days keeps the time found so far)
        for (int i = 0; i < 7 && !config.workingDays().isEmpty()
                && !config.workingDays().contains(t.getDayOfWeek()); i++) {
            t = t.plusDays(1).with(config.opens());
        }
        return t.toInstant();
    }
}
