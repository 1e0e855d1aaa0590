package org.gongzhi.request.category;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the category catalogue; {@link Category} is what the rest of the service reads. */
@Entity
@Table(name = "category")
public class CatalogueEntry extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    /** Comma-separated, in order. */
    public String tracks;
    @Column(name = "default_urgency")
    public String defaultUrgency;
    /** ISO-8601 durations. */
    @Column(name = "respond_within")
    public String respondWithin;
    @Column(name = "resolve_within")
    public String resolveWithin;
    public String skill;
    public int position;
    public long version;
    @Column(name = "defined_at")
    public Instant definedAt;
}
