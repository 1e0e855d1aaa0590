package org.gongzhi.alliance.organisation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** One shift of an organisation's on-duty rota (值班表): who answers, and who backs them up. */
@Entity
@jakarta.persistence.Table(name = "duty_shift")
public class DutyShift extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "community_id")
    public String communityId;
    /** ISO day of week, 1 = Monday. */
    @Column(name = "day_of_week")
    public int dayOfWeek;
    public LocalTime starts;
    public LocalTime ends;
    public String contact;
    public String backup;

    /** Whether the shift covers the moment; ending before it starts runs over midnight, at its start all day. */
    public boolean covers(ZonedDateTime at) {
        LocalTime time = at.toLocalTime();
        boolean today = at.getDayOfWeek() == DayOfWeek.of(dayOfWeek);
        if (ends.equals(starts)) {
            return today;
        }
        if (ends.isAfter(starts)) {
            return today && !time.isBefore(starts) && time.isBefore(ends);
        }
        boolean yesterday = at.getDayOfWeek().minus(1) == DayOfWeek.of(dayOfWeek);
        return (today && !time.isBefore(starts)) || (yesterday && time.isBefore(ends));
    }
}
