package org.gongzhi.alliance.organisation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.gongzhi.alliance.TextList;
import org.gongzhi.events.OrganisationType;

/**
 * A member organisation of the alliance (联盟成员单位) in one community. An organisation that serves several
 * communities is registered in each: its id is the same (a partner token's {@code org}), and each registration —
 * names, coverage, contacts, rota — is that community's own.
 */
@Entity
@IdClass(Organisation.Key.class)
public class Organisation extends PanacheEntityBase {
    @Id
    public String id;
    @Id
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

    /** An organisation's registration in a community. */
    public static class Key implements Serializable {
        public String id;
        public String communityId;

        public Key() {
        }

        public Key(String id, String communityId) {
            this.id = id;
            this.communityId = communityId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(id, k.id) && Objects.equals(communityId, k.communityId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, communityId);
        }
    }
}
