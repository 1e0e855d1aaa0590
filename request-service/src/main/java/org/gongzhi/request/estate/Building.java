package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;

/** A building (楼栋) of the estate, placed on the estate's grid. */
@Entity
@IdClass(Building.Key.class)
public class Building extends PanacheEntityBase {
    @Id
    @Column(name = "community_id")
    public String communityId;
    @Id
    public String code;
    public String name;
    public int floors;
    @Column(name = "grid_x")
    public int gridX;
    @Column(name = "grid_y")
    public int gridY;
    /** Grows with every change; published with it so consumers keep the newest. */
    public long version;

    public record Key(String communityId, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
