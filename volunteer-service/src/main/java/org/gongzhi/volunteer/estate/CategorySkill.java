package org.gongzhi.volunteer.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The volunteer skill a category of the catalogue needs, as the registry last published it. */
@Entity
@Table(name = "category_skill")
public class CategorySkill extends PanacheEntityBase {
    @Id
    public String code;
    public String skill;
    public long version;
}
