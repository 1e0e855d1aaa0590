package org.gongzhi.alliance.risk;

import java.util.List;

/** Kinds of risk point, each with the checks a patrol makes by default. */
public enum RiskKind {
    BASEMENT_GARAGE(List.of("drains clear", "sandbags in place", "pumps working", "cars warned to move")),
    LOW_LYING_COURTYARD(List.of("drains clear", "no standing water", "residents on the ground floor warned")),
    TOP_FLOOR_ROOF(List.of("roof drains clear", "no loose objects", "no leaks into top-floor homes")),
    OLD_WIRING_BOX(List.of("box closed and dry", "no scorch marks", "no exposed wires")),
    DRAIN(List.of("grate clear of leaves and rubbish", "water flowing away", "no backflow")),
    OTHER(List.of("site inspected", "hazards reported"));

    private final List<String> checklist;

    RiskKind(List<String> checklist) {
        this.checklist = checklist;
    }

    /** The kind a free-text kind names ("basement-garage", "BASEMENT_GARAGE"), or OTHER. */
    public static RiskKind of(String kind) {
        String name = kind.strip().toUpperCase().replace('-', '_').replace(' ', '_');
        name = switch (name) {
            case "GARAGE" -> "BASEMENT_GARAGE";
            case "COURTYARD" -> "LOW_LYING_COURTYARD";
            case "ROOF" -> "TOP_FLOOR_ROOF";
            case "WIRING_BOX" -> "OLD_WIRING_BOX";
            default -> name;
        };
        for (RiskKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return OTHER;
    }

    public List<String> checklist() {
        return checklist;
    }
}
