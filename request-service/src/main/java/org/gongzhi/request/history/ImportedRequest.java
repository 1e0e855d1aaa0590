package org.gongzhi.request.history;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Which request an earlier record became: a record is imported once per community (source + reference). */
@Entity
@Table(name = "imported_request")
@IdClass(ImportedRequest.Key.class)
public class ImportedRequest extends PanacheEntityBase {
    @Id
    @Column(name = "community_id")
    public String communityId;
    @Id
    public String source;
    @Id
    public String reference;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "imported_by")
    public String importedBy;
    @Column(name = "imported_at")
    public Instant importedAt;

    public record Key(String communityId, String source, String reference) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
