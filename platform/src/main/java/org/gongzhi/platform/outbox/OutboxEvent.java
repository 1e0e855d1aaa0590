package org.gongzhi.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox; {@code seq} (database-assigned) orders publication. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    public String topic;

    @Column(name = "event_key")
    public String eventKey;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    public String subject;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String payload;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The W3C traceparent of the work that wrote the event (null when tracing is off): see Tracing. */
    public String traceparent;
}
