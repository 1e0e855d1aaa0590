package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** The hall's decision (决议) on a topic; its action items are carried out as requests. */
@Entity
public class Decision extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "topic_id")
    public UUID topicId;
    public String outcome;
    public String summary;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
