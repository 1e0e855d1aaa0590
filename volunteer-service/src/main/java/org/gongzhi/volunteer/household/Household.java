package org.gongzhi.volunteer.household;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.gongzhi.volunteer.matching.VisitPlaces;

/** A household a worker flagged for checking in an emergency (an elderly person living alone, a disability). */
@Entity
public class Household extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public String communityId;
    public String building;
    public String unit;
    public String door;
    /** ELDERLY_ALONE, DISABILITY, ILLNESS, OTHER. */
    public String need;
    public String note;
    @Column(name = "flagged_at")
    public Instant flaggedAt;
    @Column(name = "flagged_by")
    public String flaggedBy;
    public boolean active = true;

    /** Where the visitor goes. */
    public VisitPlaces.Place place() {
        return new VisitPlaces.Place(building, unit, door);
    }
}
