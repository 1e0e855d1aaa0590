package org.gongzhi.alliance.risk;

import java.util.List;

/** Kinds of risk point, each with the checks a patrol makes by default, in Chinese and English. */
public enum RiskKind {
    BASEMENT_GARAGE(List.of(
            new Check("排水口畅通", "drains clear"),
            new Check("沙袋已就位", "sandbags in place"),
            new Check("水泵运转正常", "pumps working"),
            new Check("已通知车主挪车", "cars warned to move"))),
    LOW_LYING_COURTYARD(List.of(
            new Check("排水口畅通", "drains clear"),
            new Check("无积水", "no standing water"),
            new Check("已提醒一楼住户", "residents on the ground floor warned"))),
    TOP_FLOOR_ROOF(List.of(
            new Check("屋顶排水口畅通", "roof drains clear"),
            new Check("无松动物件", "no loose objects"),
            new Check("顶层住户家中无渗漏", "no leaks into top-floor homes"))),
    OLD_WIRING_BOX(List.of(
            new Check("电箱关闭且干燥", "box closed and dry"),
            new Check("无烧焦痕迹", "no scorch marks"),
            new Check("无裸露电线", "no exposed wires"))),
    DRAIN(List.of(
            new Check("雨水篦子无落叶杂物", "grate clear of leaves and rubbish"),
            new Check("排水顺畅", "water flowing away"),
            new Check("无倒灌", "no backflow"))),
    OTHER(List.of(
            new Check("已到现场查看", "site inspected"),
            new Check("隐患已上报", "hazards reported")));

    /**
     * One default check in both languages. Neither may hold a ',' (a risk point keeps its checklist in one
     * comma-separated column); V12__bilingual_checklists.sql gives existing rows the same words.
     */
    public record Check(String zh, String en) {
    }

    private final List<Check> checklist;

    RiskKind(List<Check> checklist) {
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

    public List<Check> checklist() {
        return checklist;
    }
}
