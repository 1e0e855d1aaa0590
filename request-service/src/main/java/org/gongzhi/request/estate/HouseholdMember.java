package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A resident's account linked to their household; owners vote on owners' matters. */
@Entity
@Table(name = "household_member")
@IdClass(HouseholdMember.Key.class)
public class HouseholdMember extends PanacheEntityBase {
    @Id
    @Column(name = "community_id")
    public String communityId;
    @Id
    @Column(name = "resident_id")
    public String residentId;
    public String building;
    public String unit;
    public String household;
    public boolean owner;

    public record Key(String communityId, String residentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
