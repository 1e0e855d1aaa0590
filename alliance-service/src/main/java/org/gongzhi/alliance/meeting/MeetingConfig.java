package org.gongzhi.alliance.meeting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** When and where the whistle's joint meetings (吹哨报到) are held. */
@ConfigMapping(prefix = "gongzhi.meetings")
public interface MeetingConfig {
    /** How long after the whistle the meeting starts at the earliest (the parties need time to come). */
    @WithDefault("PT2H")
    Duration leadTime();

    /** The earliest start on a working day, local time. */
    @WithDefault("09:00")
    LocalTime opens();

    /** The latest start on a working day, local time; later moves to the next working day's opening. */
    @WithDefault("17:00")
    LocalTime lastStart();

    /** The days the community office holds meetings. */
    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    Set<DayOfWeek> workingDays();

    /** The community's local time. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Where a community without a place of its own meets. */
    @WithDefault("社区办公室 / community office")
    String place();

    /** Where each community meets, by community id (e.g. its office's meeting room). */
    Map<String, String> places();

    default String placeOf(String communityId) {
        return places().getOrDefault(communityId, place());
    }
}
