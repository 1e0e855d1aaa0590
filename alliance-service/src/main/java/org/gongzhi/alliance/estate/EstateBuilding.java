package org.gongzhi.alliance.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A building of a community's estate, as the registry last published it. */
@Entity
@Table(name = "estate_building")
@IdClass(EstateBuilding.Key.class)
public class EstateBuilding extends PanacheEntityBase {
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
