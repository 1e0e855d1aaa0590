package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where one of the alliance's risk points is, as alliance-service last published it. */
@Entity
@Table(name = "risk_point_location")
public class RiskPointLocation extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "community_id")
    public String communityId;
    public String name;
    public String building;
    public String place;
    public long version;
}
