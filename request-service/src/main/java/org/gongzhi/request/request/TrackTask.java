package org.gongzhi.request.request;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** This service's projection of a task some party or volunteer holds on a request. */
@Entity
@Table(name = "track_task")
public class TrackTask extends PanacheEntityBase {
    @Id
    @Column(name = "task_id")
    public String taskId;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    public String role;
    public String status;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
