package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A request taken into a topic. */
@Entity
@Table(name = "topic_request")
@IdClass(TopicRequest.Key.class)
public class TopicRequest extends PanacheEntityBase {
    @Id
    @Column(name = "topic_id")
    public UUID topicId;
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    public record Key(UUID topicId, UUID requestId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
