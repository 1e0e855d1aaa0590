package org.gongzhi.alliance.warning;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A weather warning (预警) in force for a time window, until it is lifted. */
@Entity
@Table(name = "weather_warning")
public class WeatherWarning extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public String communityId;
    public String type;
    public String level;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_until")
    public Instant validUntil;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "lifted_at")
    public Instant liftedAt;
    @Column(name = "lifted_by")
    public String liftedBy;
    @Column(name = "lift_reason")
    public String liftReason;
}
