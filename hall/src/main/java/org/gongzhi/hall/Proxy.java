package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;

/** A resident registered by a worker to vote for an elderly or absent household. */
@Entity
@IdClass(Proxy.Key.class)
public class Proxy extends PanacheEntityBase {
    @Id
    @Column(name = "community_id")
    public String communityId;
    @Id
    public String building;
    @Id
    public String unit;
    @Id
    public String household;
    @Id
    @Column(name = "resident_id")
    public String residentId;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "registered_at")
    public Instant registeredAt;

    public record Key(String communityId, String building, String unit, String household, String residentId)
            implements Serializable {
        public Key() {
            this(null, null, null, null, null);
        }
    }
}
