package org.gongzhi.alliance.risk;

import java.util.List;

/** A risk point as the API shows it. */
public record RiskPointView(String id, String name, String building, String place, String kind,
        List<String> warningTypes, String organisation, List<String> checklist) {

    static RiskPointView of(RiskPoint p) {
        return new RiskPointView(p.id, p.name, p.building, p.place, p.kind, p.warningTypes, p.organisationId,
                p.checklist);
    }
}
