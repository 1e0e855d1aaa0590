package org.gongzhi.request.estate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A community (社区) of the deployment and the sub-district (街道) it belongs to. */
@Entity
public class Community extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "subdistrict_id")
    public String subdistrictId;
    @Column(name = "subdistrict_name")
    public String subdistrictName;
    @Column(name = "subdistrict_name_en")
    public String subdistrictNameEn;
    /** Grows with every change; published with it so consumers keep the newest. */
    public long version;
    @Column(name = "changed_at")
    public Instant changedAt;
}
