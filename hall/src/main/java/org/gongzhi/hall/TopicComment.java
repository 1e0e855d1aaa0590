package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A comment or reply on a topic; a worker may hide it, with a reason, but never delete it. */
@Entity
@Table(name = "topic_comment")
public class TopicComment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "topic_id")
    public UUID topicId;
    @Column(name = "parent_id")
    public UUID parentId;
    public String author;
    public String text;
    public boolean hidden;
    @Column(name = "hidden_reason")
    public String hiddenReason;
    @Column(name = "created_at")
    public Instant createdAt;
}
