package org.gongzhi.alliance.warning;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A patrol task (巡查) of one risk point under one warning, done by the risk point's organisation. */
@Entity
public class Patrol extends PanacheEntityBase {
    public static final String ASSIGNED = "ASSIGNED";
    /** Some checkpoints reported, not all. */
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String DONE = "DONE";
    public static final String PROBLEMS_FOUND = "PROBLEMS_FOUND";
    public static final String CANCELLED = "CANCELLED";
    /** Every status, as a regular expression (a filter's validation). */
    public static final String STATUSES = ASSIGNED + "|" + IN_PROGRESS + "|" + DONE + "|" + PROBLEMS_FOUND + "|"
            + CANCELLED;

    @Id
    public UUID id;
    @Column(name = "warning_id")
    public UUID warningId;
    @Column(name = "risk_point_id")
    public String riskPointId;
    /** The risk point's name when the warning was issued (what a person on the patrol knows it by). */
    @Column(name = "risk_point_name")
    public String riskPointName;
    @Column(name = "organisation_id")
    public String organisationId;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "reported_at")
    public Instant reportedAt;
}
