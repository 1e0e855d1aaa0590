package org.gongzhi.volunteer.team;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;

/** Where a building of a community sits on its estate's grid (the registry's copy): how far a volunteer walks. */
@Entity
@IdClass(Building.Key.class)
public class Building extends PanacheEntityBase {
    @Id
    @Column(name = "community_id")
    public String communityId;
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

    public record Key(String communityId, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    /** The building of the community, if it is on the grid (registered and not removed); else null. */
    public static io.smallrye.mutiny.Uni<Building> onGrid(String communityId, String code) {
        return Building.<Building>findById(new Key(communityId, code == null ? "" : code))
                .map(b -> b == null || b.removed ? null : b);
    }
}
