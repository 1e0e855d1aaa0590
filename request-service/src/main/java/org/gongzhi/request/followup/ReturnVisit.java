package org.gongzhi.request.followup;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A return visit (回访): was the problem solved, is the resident satisfied. */
@Entity
@Table(name = "return_visit")
public class ReturnVisit extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    public String method;
    public boolean solved;
    public boolean satisfied;
    public String comment;
    @Column(name = "visited_by")
    public String visitedBy;
    @Column(name = "visited_at")
    public Instant visitedAt;
}
