package org.gongzhi.alliance.risk;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.gongzhi.alliance.TextList;

/** A place that needs a look when the weather turns (风险点), with the organisation responsible for it. */
@Entity
@Table(name = "risk_point")
public class RiskPoint extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "community_id")
    public String communityId;
    public String name;
    /** The building it is in, or null when it is at a named place. */
    public String building;
    /** The named place of the estate registry it is at, or null when it is in a building. */
    public String place;
    public String kind;
    @Column(name = "warning_types")
    @Convert(converter = TextList.class)
    public List<String> warningTypes;
    @Column(name = "organisation_id")
    public String organisationId;
    /** What a patrol checks, in order: as a worker typed it, or the kind's default list in Chinese. */
    @Convert(converter = TextList.class)
    public List<String> checklist;
    /** The kind's default list in English, item by item; empty when a worker typed the checklist (one language). */
    @Column(name = "checklist_en")
    @Convert(converter = TextList.class)
    public List<String> checklistEn;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Published with the risk point (gongzhi.risk-points, compacted) so a reader keeps the newest. */
    public long version;

    /** The English of the checklist's item at that position, or null when the checklist has no English. */
    public String itemEn(int position) {
        return checklistEn != null && checklistEn.size() == checklist.size() ? checklistEn.get(position) : null;
    }
}
