package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A resident supporting a proposal, once (written with {@code insert … on conflict do nothing}; read to count). */
@Entity
@Table(name = "topic_support")
@IdClass(TopicSupport.Key.class)
public class TopicSupport extends PanacheEntityBase {
    @Id
    @Column(name = "topic_id")
    public UUID topicId;
    @Id
    @Column(name = "resident_id")
    public String residentId;

    public record Key(UUID topicId, String residentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
