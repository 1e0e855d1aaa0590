package org.gongzhi.hall;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A matter (议题) of the deliberation hall, concerning the whole estate or some buildings. */
@Entity
public class Topic extends PanacheEntityBase {
    public enum Status { OPEN, VOTING, DECIDED }

    @Id
    public UUID id;
    @Column(name = "community_id")
    public String communityId;
    public String title;
    public String description;
    /** Comma-separated building codes; empty means the whole estate. */
    public String buildings;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> buildingList() {
        return buildings == null || buildings.isBlank() ? List.of() : Arrays.asList(buildings.split(","));
    }

    public boolean concerns(String building) {
        return buildingList().isEmpty() || buildingList().contains(building);
    }
}
