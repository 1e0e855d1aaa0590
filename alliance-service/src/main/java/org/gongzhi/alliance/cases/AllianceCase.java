package org.gongzhi.alliance.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request the alliance works on, kept so declines, reopenings and withdrawals can be routed later. */
@Entity
@Table(name = "alliance_case")
public class AllianceCase extends PanacheEntityBase {
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";
    public static final String CANCELLED = "CANCELLED";

    @Id
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "community_id")
    public String communityId;
    public String category;
    public String building;
    @Column(name = "respond_by")
    public Instant respondBy;
    @Column(name = "resolve_by")
    public Instant resolveBy;
    public int round;
    public String status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
