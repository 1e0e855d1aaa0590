package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.math.BigDecimal;

/** A household (户) in a unit of a building; its floor area weighs in owners' votes. */
@Entity
@IdClass(Household.Key.class)
public class Household extends PanacheEntityBase {
    @Id
    @Column(name = "community_id")
    public String communityId;
    @Id
    public String building;
    @Id
    public String unit;
    @Id
    public String code;
    @Column(name = "floor_area")
    public BigDecimal floorArea;

    public record Key(String communityId, String building, String unit, String code) implements Serializable {
        public Key() {
            this(null, null, null, null);
        }
    }
}
