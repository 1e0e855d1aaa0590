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
    /** What to check: in Chinese when it is a kind's default, else as the worker typed it. */
    public String item;
    /** The same in English when it is a kind's default; null when typed (it has one language). */
    @Column(name = "item_en")
    public String itemEn;
    /** OK or PROBLEM once reported. */
    public String result;
    public String note;
    /** What the problem is, for the request it becomes (only while the result is PROBLEM). */
    public String category;
    public String urgency;
    public String place;
    public String description;
    /** Set the first time a problem is reported here; it is published once and keeps this id. */
    @Column(name = "problem_id")
    public UUID problemId;
    @Column(name = "reported_at")
    public java.time.Instant reportedAt;

    public record Key(UUID patrolId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
