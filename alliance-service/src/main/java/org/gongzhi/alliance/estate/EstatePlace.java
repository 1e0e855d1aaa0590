package org.gongzhi.alliance.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A named place of a community's estate (小区东门, 北广场), as the registry last published it. */
@Entity
@Table(name = "estate_place")
@IdClass(EstatePlace.Key.class)
public class EstatePlace extends PanacheEntityBase {
    @Id
    @Column(name = "community_id")
    public String communityId;
    @Id
    public String code;
    public long version;
    public boolean removed;

    public record Key(String communityId, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
