package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A session of the hall: agenda (topics), time and place, minutes afterwards. */
@Entity
public class Meeting extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public String communityId;
    public String title;
    public String place;
    @Column(name = "starts_at")
    public Instant startsAt;
    /** Comma-separated topic ids: the agenda. */
    public String topics;
    public String minutes;
    @Column(name = "created_by")
    public String createdBy;
}
