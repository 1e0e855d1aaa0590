package org.gongzhi.volunteer.activity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One occurrence of a team's activity (a repair day, a clean-up, a watch round); a weekly one is a series. */
@Entity
public class Activity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "series_id")
    public UUID seriesId;
    public String team;
    public String title;
    public String kind;
    public String building;
    @Column(name = "starts_at")
    public Instant startsAt;
    /** The hours each attendee is credited. */
    public BigDecimal hours;
    public int capacity;
    @Column(name = "attendance_closed")
    public boolean attendanceClosed;
}
