package org.gongzhi.volunteer.team;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A volunteer team (志愿服务队), such as the "6070" team of retirees. */
@Entity
public class Team extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public String leader;
    /** The community the team serves (from the token of the worker who created it). */
    @Column(name = "community_id")
    public String communityId;
}
