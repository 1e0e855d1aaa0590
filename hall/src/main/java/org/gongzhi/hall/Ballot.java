package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A household's choice in a vote; who cast it (the household, its proxy or a worker) is recorded. */
@Entity
@IdClass(Ballot.Key.class)
public class Ballot extends PanacheEntityBase {
    @Id
    @Column(name = "vote_id")
    public UUID voteId;
    @Id
    public String building;
    @Id
    public String unit;
    @Id
    public String household;
    public String choice;
    @Column(name = "cast_by")
    public String castBy;
    @Column(name = "by_proxy")
    public boolean byProxy;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "cast_at")
    public Instant castAt;

    public record Key(UUID voteId, String building, String unit, String household) implements Serializable {
        public Key() {
            this(null, null, null, null);
        }
    }
}
