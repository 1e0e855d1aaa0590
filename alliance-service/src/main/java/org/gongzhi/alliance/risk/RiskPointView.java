package org.gongzhi.alliance.risk;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A risk point as the API shows it; {@code checklist} in Chinese (or as typed), {@code checklistEn} in English (a
 * checklist typed by a worker: the same words).
 */
public record RiskPointView(String id, String name, String building, String place, String kind,
        List<String> warningTypes, String organisation, List<String> checklist, List<String> checklistEn) {

    static RiskPointView of(RiskPoint p) {
        List<String> en = IntStream.range(0, p.checklist.size()).mapToObj(i -> {
            String item = p.itemEn(i);
            return item == null ? p.checklist.get(i) : item;
        }).toList();
        return new RiskPointView(p.id, p.name, p.building, p.place, p.kind, p.warningTypes, p.organisationId,
                p.checklist, en);
    }
}
