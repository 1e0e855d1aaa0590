package org.gongzhi.alliance.cases;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

/**
 * A request's time limits as request-service published them, kept for a request the volunteers work on, so a
 * hand-over to the alliance later is timed by them.
 */
@Entity
@Table(name = "request_time_limits")
public class RequestTimeLimits extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "respond_within_seconds")
    public long respondWithinSeconds;
    @Column(name = "resolve_within_seconds")
    public long resolveWithinSeconds;

    public Windows windows() {
        return new Windows(Duration.ofSeconds(respondWithinSeconds), Duration.ofSeconds(resolveWithinSeconds));
    }
}
