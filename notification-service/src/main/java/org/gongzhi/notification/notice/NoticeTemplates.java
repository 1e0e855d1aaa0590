package org.gongzhi.notification.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.gongzhi.events.MeetingConvened;
import org.gongzhi.events.RequestStatus;

/** The words of each notice in zh-CN and English. A notice says what happened and, when late, why. */
final class NoticeTemplates {
    record Text(String title, String body) {
    }

    private static final Map<RequestStatus, String[]> STATUS_ZH = Map.of(
            RequestStatus.ACKNOWLEDGED, new String[] {"诉求已响应", "社区已收到并响应您的诉求，正在安排办理。"},
            RequestStatus.ASSIGNED, new String[] {"诉求已派单", "您的诉求已交由{lead}牵头办理。"},
            RequestStatus.IN_PROGRESS, new String[] {"诉求办理中", "工作人员已开始处理您的诉求。"},
            RequestStatus.RESOLVED, new String[] {"诉求已办结", "您的诉求已处理完毕，社区将回访听取您的意见。"},
            RequestStatus.CLOSED, new String[] {"诉求已关闭", "感谢您的反馈，本次诉求已关闭。"},
            RequestStatus.REOPENED, new String[] {"诉求重新办理", "根据回访结果，您的诉求将重新办理。"},
            RequestStatus.IN_DELIBERATION, new String[] {"诉求进入议事厅", "您的诉求涉及多户居民，已提交议事厅共同商议。"},
            RequestStatus.WITHDRAWN, new String[] {"诉求已撤回", "您的诉求已撤回。"},
            RequestStatus.REJECTED, new String[] {"诉求未予受理", "很抱歉，您的诉求未予受理：{reason}"},
            RequestStatus.MERGED, new String[] {"诉求已合并办理", "其他居民反映了同一问题，您的诉求已与其合并办理，后续进展和回访将一并通知您。"});
    private static final Map<RequestStatus, String[]> STATUS_EN = Map.of(
            RequestStatus.ACKNOWLEDGED, new String[] {"Request acknowledged", "The community has your request and is arranging it."},
            RequestStatus.ASSIGNED, new String[] {"Request assigned", "Your request is now led by {lead}."},
            RequestStatus.IN_PROGRESS, new String[] {"Work has started", "Someone is working on your request."},
            RequestStatus.RESOLVED, new String[] {"Request resolved", "Your request has been dealt with; we will call to ask how it went."},
            RequestStatus.CLOSED, new String[] {"Request closed", "Thank you for your feedback; the request is closed."},
            RequestStatus.REOPENED, new String[] {"Request reopened", "After the return visit, your request is being handled again."},
            RequestStatus.IN_DELIBERATION, new String[] {"Request in the deliberation hall",
                    "Your request concerns many households and goes to the deliberation hall."},
            RequestStatus.WITHDRAWN, new String[] {"Request withdrawn", "Your request was withdrawn."},
            RequestStatus.REJECTED, new String[] {"Request not accepted", "Sorry, your request was not accepted: {reason}"},
            RequestStatus.MERGED, new String[] {"Request merged", "A neighbour reported the same problem; your request is handled "
                    + "together with theirs, and you will hear of its progress and return visit."});

    private NoticeTemplates() {
    }

    /** Whether a resident is told of a request reaching the status (not of its submission, nor of one unknown). */
    static boolean meaningful(RequestStatus status) {
        return STATUS_ZH.containsKey(status);
    }

    static Text status(String language, RequestStatus status, String lead, String reason) {
        String[] t = (english(language) ? STATUS_EN : STATUS_ZH).get(status);
        String fallback = english(language) ? "the responsible party" : "责任单位";
        return new Text(t[0], t[1].replace("{lead}", lead == null ? fallback : lead)
                .replace("{reason}", reason == null ? "" : reason));
    }

    /** The master's progress, told to a resident whose report was merged into it. */
    static Text ofMaster(String language, Text text) {
        return english(language) ? new Text(text.title() + " (the report yours was merged into)", text.body())
                : new Text(text.title() + "（与您的诉求合并办理）", text.body());
    }

    static Text escalated(String language, int level, String reason) {
        String why = reason == null || reason.isBlank() ? "" : reason;
        if (english(language)) {
            String to = switch (level) {
                case 1 -> "the party's backup contact";
                case 2 -> "the community secretary";
                default -> "a joint meeting of all parties (\"whistle\")";
            };
            return new Text("Your request is late", "It missed its deadline" + (why.isEmpty() ? "" : " (" + why + ")")
                    + "; it has been escalated to " + to + ".");
        }
        String to = switch (level) {
            case 1 -> "责任单位的备岗联系人";
            case 2 -> "社区书记";
            default -> "多方联合会商（吹哨报到）";
        };
        return new Text("诉求办理超时", "您的诉求未能按时办理" + (why.isEmpty() ? "" : "（" + why + "）") + "，已升级至" + to + "督办。");
    }

    static Text decision(String language, String title, String outcome) {
        return english(language)
                ? new Text("The deliberation hall decided", title + ": " + outcome)
                : new Text("议事厅形成决议", title + "：" + outcome);
    }

    static Text warning(String language, String type, String level, Instant from, Instant until, ZoneId zone) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("M/d HH:mm").withZone(zone);
        String window = (from == null ? "" : f.format(from) + "–") + (until == null ? "" : f.format(until));
        if (english(language)) {
            return new Text("Weather warning: " + level + " " + type,
                    "A " + level + " " + type + " warning is in force " + window
                            + ". Stay safe; call the community office if you need help.");
        }
        String t = Map.of("rainstorm", "暴雨", "wind", "大风", "snow", "暴雪", "heat", "高温").getOrDefault(lower(type), type);
        String l = Map.of("blue", "蓝色", "yellow", "黄色", "orange", "橙色", "red", "红色").getOrDefault(lower(level), level);
        return new Text(t + l + "预警", "气象部门发布" + t + l + "预警（" + window + "），请注意安全，如需帮助请联系社区。");
    }

    /** To a partner contact on duty: the warning, addressed to them by name and shift (zh-CN with English). */
    static Text warningOnDuty(String contactName, String shift, String type, String level, Instant from,
            Instant until, ZoneId zone) {
        Text zh = warning("zh-CN", type, level, from, until, zone);
        Text en = warning("en", type, level, from, until, zone);
        String who = contactName == null ? "" : contactName + (shift == null || shift.isBlank() ? "" : "（" + shift + "）");
        return new Text(zh.title() + "（值班）· " + en.title(),
                (who.isEmpty() ? "" : who + "：") + "气象部门发布" + zh.title() + "，请按预案组织巡查并及时上报。"
                        + " / " + en.body().replace(" Stay safe; call the community office if you need help.",
                        " You are on duty: patrol your risk points and report what you find."));
    }

    /**
     * To the person an escalation step goes to (the organisation's backup contact, the community secretary): which
     * request (category, building), which party, what was missed and since when (zh-CN with English).
     */
    static Text escalatedTo(String name, int level, String category, String building, String organisationId,
            String missed, Instant deadline, ZoneId zone) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("M/d HH:mm").withZone(zone);
        String since = deadline == null ? null : f.format(deadline);
        String what = building == null ? category : building + "号楼 " + category;
        String whatEn = category + (building == null ? "" : ", building " + building);
        boolean complete = "complete".equals(missed);
        String missedZh = missed == null ? "无单位接办" : (complete ? "未按时办结" : "未按时响应")
                + (since == null ? "" : "（应于 " + since + " 前）");
        String missedEn = missed == null ? "no party left to take it"
                : (complete ? "not completed" : "not acknowledged") + (since == null ? "" : " since " + since);
        String to = level == 1 ? "备岗督办" : "书记督办";
        String toEn = level == 1 ? "backup contact" : "community secretary";
        return new Text("任务升级（" + to + "）· Escalated to you (" + toEn + ")",
                (name == null ? "" : name + "：") + "诉求「" + what + "」由 " + organisationId + " 承办，" + missedZh
                        + "，已升级至您，请督办。 / Request \"" + whatEn + "\", handled by " + organisationId + ": "
                        + missedEn + ". It has been escalated to you; please follow it up.");
    }

    /**
     * The whistle's joint meeting, to a party or the secretary: the request, what was missed since when, who meets,
     * when and where — in both languages, as partners' and the secretary's notices are. The parties by name where the
     * event names them.
     */
    static Text meeting(String name, MeetingConvened m, ZoneId zone) {
        String category = m.category();
        String building = m.building();
        String lead = m.nameOf(m.leadOrganisationId());
        List<String> parties = m.parties().stream().map(m::nameOf).toList();
        Instant startsAt = m.startsAt();
        String place = m.place();
        String missed = m.missed();
        Instant deadline = m.deadline();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("M/d HH:mm").withZone(zone);
        String what = building == null ? category : building + "号楼 " + category;
        String whatEn = category + (building == null ? "" : ", building " + building);
        String since = deadline == null ? "" : f.format(deadline);
        boolean complete = "complete".equals(missed);
        String missedZh = (complete ? "未按时办结" : "未按时响应") + (since.isEmpty() ? "" : "（应于 " + since + " 前）");
        String missedEn = (complete ? "not completed" : "not acknowledged") + (since.isEmpty() ? "" : " since " + since);
        String who = String.join("、", parties);
        String whoEn = String.join(", ", parties);
        return new Text("吹哨报到：联合会商 " + f.format(startsAt) + " · Joint meeting (whistle) " + f.format(startsAt),
                (name == null ? "" : name + "：") + "诉求「" + what + "」（牵头单位 " + lead + "）" + missedZh
                        + "，现召集联合会商：" + f.format(startsAt) + "，地点 " + place + "，参加：" + who + "、社区书记。"
                        + " / Request \"" + whatEn + "\" (lead " + lead + "): " + missedEn
                        + ". A joint meeting is convened at " + f.format(startsAt) + ", " + place + ", with " + whoEn
                        + " and the community secretary.");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase();
    }

    static boolean english(String language) {
        return language != null && language.toLowerCase().startsWith("en");
    }
}
