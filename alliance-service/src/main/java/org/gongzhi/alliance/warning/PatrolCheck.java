package org.gongzhi.alliance.warning;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One checkpoint of a patrol's checklist and what the patrol found there. */
@Entity
@Table(name = "patrol_check")
@IdClass(PatrolCheck.Key.class)
public class PatrolCheck extends PanacheEntityBase {
    @Id
    @Column(name = "patrol_id")
    public UUID patrolId;
    @Id
    public int position;
    public String item;
    /** OK or PROBLEM once reported. */
    public String result;
    public String note;

    public record Key(UUID patrolId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
