package org.gongzhi.notification.notice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;
import org.hibernate.annotations.Immutable;

/** A resident's notice preferences as the writer reads them (the preferences endpoint writes them). */
@Entity
@Immutable
@Table(name = "resident_preference")
public class ResidentPreference extends PanacheEntityBase {
    @Id
    @Column(name = "resident_id")
    public String residentId;

    @Column(name = "community_id")
    public String communityId;

    public String language;

    public boolean sms;

    public String phone;

    public boolean email;

    @Column(name = "email_address")
    public String emailAddress;

    public boolean warnings;

    @Column(name = "quiet_from")
    public LocalTime quietFrom;

    @Column(name = "quiet_until")
    public LocalTime quietUntil;
}
