package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One thing a decision commits the parties to; it is done when its request is resolved. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "decision_id")
    public UUID decisionId;
    public String title;
    @Column(name = "request_id")
    public UUID requestId;
}
