package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;

/** A named place of the estate (小区东门, 北广场): where a request or a risk point may be, not a building. */
@Entity
@IdClass(Place.Key.class)
public class Place extends PanacheEntityBase {
    @Id
    @Column(name = "community_id")
    public String communityId;
    @Id
    public String code;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    /** Grows with every change; published with it so consumers keep the newest. */
    public long version;
    @Column(name = "changed_at")
    public Instant changedAt;

    public record Key(String communityId, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
