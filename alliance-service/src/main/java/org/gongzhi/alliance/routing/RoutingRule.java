package org.gongzhi.alliance.routing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongzhi.alliance.TextList;

/** category × buildings → a lead party and supporting parties; the highest priority matching rule wins. */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_id")
    public String communityId;
    public String category;
    /** Empty: every building. */
    @Convert(converter = TextList.class)
    public List<String> buildings;
    public String lead;
    @Convert(converter = TextList.class)
    public List<String> supporting;
    public int priority;
    @Column(name = "created_at")
    public Instant createdAt;

    public boolean matches(String category, String building) {
        return this.category.equals(category) && (buildings.isEmpty() || buildings.contains(building));
    }
}
