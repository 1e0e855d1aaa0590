package org.gongzhi.alliance.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A community of the registry with its names, as the registry last published it. */
@Entity
@Table(name = "estate_community")
public class EstateCommunity extends PanacheEntityBase {
    @Id
    @Column(name = "community_id")
    public String communityId;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    public long version;
}
