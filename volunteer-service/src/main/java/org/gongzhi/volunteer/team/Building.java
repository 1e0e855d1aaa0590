package org.gongzhi.volunteer.team;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Where a building sits on the estate's grid (the registry's copy): how far a volunteer walks. */
@Entity
public class Building extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "grid_x")
    public int gridX;
    @Column(name = "grid_y")
    public int gridY;
    /** The registry's version of the building (gongzhi.estate.buildings). */
    public long version;
    /** Removed from the estate: no longer on the grid. */
    public boolean removed;
}
