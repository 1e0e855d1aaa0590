package org.gongzhi.volunteer.hours;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One piece of volunteer work in the service-hours ledger. */
@Entity
@Table(name = "hours_entry")
public class HoursEntry extends PanacheEntityBase {
    /** What the hours were for: a request's task, a check-on-neighbour visit, or a team activity. */
    public enum Source { TASK, VISIT, ACTIVITY }

    @Id
    public UUID id;
    @Column(name = "volunteer_id")
    public String volunteerId;
    public String team;
    @Enumerated(EnumType.STRING)
    public Source source;
    /** The offer or activity the hours belong to. */
    public String reference;
    public BigDecimal hours;
    public String note;
    @Column(name = "worked_at")
    public Instant workedAt;
}
