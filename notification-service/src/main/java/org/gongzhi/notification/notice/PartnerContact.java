package org.gongzhi.notification.notice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * Where a partner organisation's contact is reached by SMS and email, as the writer reads it (the contacts endpoint
 * writes it). Keyed like the contact's notices: {@code partner:<organisation>:<contact>}.
 */
@Entity
@Immutable
@Table(name = "partner_contact")
public class PartnerContact extends PanacheEntityBase {
    @Id
    public String recipient;

    @Column(name = "community_id")
    public String communityId;

    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "contact_id")
    public String contactId;

    public String name;

    public String phone;

    @Column(name = "email_address")
    public String emailAddress;
}
