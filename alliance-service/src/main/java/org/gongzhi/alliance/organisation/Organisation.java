package org.gongzhi.alliance.organisation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import org.gongzhi.alliance.TextList;
import org.gongzhi.events.OrganisationType;

/** A member organisation of the alliance (联盟成员单位). */
@Entity
public class Organisation extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "community_id")
    public String communityId;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public OrganisationType type;
    /** Buildings it covers; empty means the whole estate. */
    @Convert(converter = TextList.class)
    public List<String> buildings;
    /** Categories it handles; empty means any. */
    @Convert(converter = TextList.class)
    public List<String> categories;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
