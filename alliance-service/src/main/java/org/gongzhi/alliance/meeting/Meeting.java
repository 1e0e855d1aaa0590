package org.gongzhi.alliance.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A joint meeting the whistle convened on a request: when, where, which parties (the lead first). */
@Entity
public class Meeting extends PanacheEntityBase {
    @jakarta.persistence.Id
    public UUID id;
    @Column(name = "community_id")
    public String communityId;
    @Column(name = "request_id")
    public String requestId;
    public int round;
    @Column(name = "task_id")
    public UUID taskId;
    public String category;
    public String building;
    @Column(name = "lead_organisation_id")
    public String leadOrganisationId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] parties;
    @Column(name = "starts_at")
    public Instant startsAt;
    public String place;
    public String missed;
    public Instant deadline;
    @Column(name = "convened_at")
    public Instant convenedAt;
}
