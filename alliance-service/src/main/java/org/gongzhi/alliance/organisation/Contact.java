package org.gongzhi.alliance.organisation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A person to reach at a member organisation. Their phone never leaves this service in an event. */
@Entity
public class Contact extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "community_id")
    public String communityId;
    public String name;
    public String role;
    public String phone;
}
