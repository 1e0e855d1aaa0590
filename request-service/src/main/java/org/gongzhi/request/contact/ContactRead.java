package org.gongzhi.request.contact;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An audit record: someone read a resident's contact. */
@Entity
@Table(name = "contact_read")
public class ContactRead extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public String communityId;
    @Column(name = "request_id")
    public UUID requestId;
    public String reader;
    public String organisation;
    /** Why the reader needed the phone, as they said (optional for partners' systems). */
    public String reason;
    @Column(name = "read_at")
    public Instant readAt;
}
