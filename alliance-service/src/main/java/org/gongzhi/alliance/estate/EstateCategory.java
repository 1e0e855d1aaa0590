package org.gongzhi.alliance.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A category of the catalogue, as the registry last published it. */
@Entity
@Table(name = "estate_category")
public class EstateCategory extends PanacheEntityBase {
    @Id
    public String code;
    public long version;
}
