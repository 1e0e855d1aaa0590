package org.gongzhi.bench.faults;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gongzhi.events.RequestStatus;

/**
 * The checker's rules over one scenario's {@link Observations}:
 * <ul>
 * <li><b>lost</b>: an accepted request request-service does not hold, without its lead task (on the topic or in
 * alliance-service) when one is due, whose lead task on the topic request-service's timeline does not show, or never
 * on the dashboard; a poison record that never reached a dead-letter
 * topic; a webhook message its receiver never got;</li>
 * <li><b>duplicated</b>: one event applied twice — a second lead task for a request, two timeline entries, notices or
 * webhook messages that are the same but for their ids;</li>
 * <li><b>out of order</b>: a request's status going backwards on the topic, or a read model showing an earlier status
 * than the topic's last;</li>
 * <li><b>unseen</b>: a record of the watched (demo) community on a topic whose id never came down its dashboard's
 * stream (dead letters excepted).</li>
 * </ul>
 */
public record Verdict(int lost, int duplicated, int outOfOrder, int unseen, int deadLettered,
        Map<String, Integer> deadLetterReasons, List<String> findings) {
    private static final int SAMPLES = 5;

    /** Applies the rules. */
    public static Verdict of(Observations o) {
        List<String> findings = new ArrayList<>();
        int lost = 0;
        for (var e : o.accepted().entrySet()) {
            String id = e.getKey();
            List<String> why = new ArrayList<>();
            if (!o.stored().contains(id)) {
                why.add("not in request-service");
            }
            if (e.getValue() && o.leadTasksOnTopic().getOrDefault(id, Set.of()).isEmpty()) {
                why.add("no lead task on gongzhi.tasks");
            }
            if (e.getValue() && o.leadTasksStored().getOrDefault(id, 0) == 0) {
                why.add("no lead task in alliance-service");
            }
            if (!o.leadTasksOnTopic().getOrDefault(id, Set.of()).isEmpty() && o.effects().stream().noneMatch(f ->
                    f.kind().equals("timeline entry") && f.requestId().equals(id)
                            && f.identity().startsWith("TASK_ASSIGNED "))) {
                why.add("its lead task not on request-service's timeline");
            }
            if (!o.submittedOnDashboard().contains(id)) {
                why.add("never on the dashboard");
            }
            if (!why.isEmpty()) {
                lost++;
                sample(findings, "lost", "request " + id + ": " + String.join(", ", why));
            }
        }
        Set<String> deadIds = o.deadLetters().stream().map(Observations.DeadLetter::eventId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        for (String poison : o.expectedDeadLetters()) {
            if (!deadIds.contains(poison)) {
                lost++;
                sample(findings, "lost", "poison record " + poison + " neither applied nor dead-lettered");
            }
        }
        for (String message : o.undelivered()) {
            lost++;
            sample(findings, "lost", "webhook message " + message + " not delivered");
        }

        int duplicated = 0;
        for (String id : o.accepted().keySet()) {
            int onTopic = o.leadTasksOnTopic().getOrDefault(id, Set.of()).size();
            if (onTopic > 1) {
                duplicated += onTopic - 1;
                sample(findings, "duplicated", "request " + id + ": " + onTopic + " lead tasks on gongzhi.tasks");
            }
            int stored = o.leadTasksStored().getOrDefault(id, 0);
            if (stored > 1) {
                duplicated += stored - 1;
                sample(findings, "duplicated", "request " + id + ": " + stored + " lead tasks in alliance-service");
            }
        }
        Map<Observations.Effect, Long> effects = o.effects().stream()
                .collect(Collectors.groupingBy(f -> f, LinkedHashMap::new, Collectors.counting()));
        for (var e : effects.entrySet()) {
            if (e.getValue() > 1) {
                duplicated += e.getValue() - 1;
                sample(findings, "duplicated", "request " + e.getKey().requestId() + ": " + e.getValue() + " × "
                        + e.getKey().kind() + " " + e.getKey().identity());
            }
        }

        int outOfOrder = 0;
        for (var e : o.statusesOnTopic().entrySet()) {
            if (o.accepted().containsKey(e.getKey()) && goesBackwards(e.getValue())) {
                outOfOrder++;
                sample(findings, "out of order", "request " + e.getKey() + " on gongzhi.requests: " + e.getValue());
            }
        }
        for (var model : o.readModels().entrySet()) {
            for (var e : model.getValue().entrySet()) {
                List<RequestStatus> topic = o.statusesOnTopic().getOrDefault(e.getKey(), List.of());
                if (!o.accepted().containsKey(e.getKey()) || topic.isEmpty()) {
                    continue;
                }
                int last = rank(topic.get(topic.size() - 1));
                int shown = rank(e.getValue());
                if (last >= 0 && shown >= 0 && shown < last) {
                    outOfOrder++;
                    sample(findings, "out of order", "request " + e.getKey() + ": " + model.getKey() + " shows "
                            + e.getValue() + ", the topic's last is " + topic.get(topic.size() - 1));
                }
            }
        }

        Set<String> unseenIds = new HashSet<>(o.eventsOnTopics());
        unseenIds.removeAll(o.eventsOnDashboard());
        unseenIds.removeAll(deadIds);
        unseenIds.stream().sorted().limit(SAMPLES).forEach(id -> findings.add("unseen: event " + id));

        Map<String, Integer> reasons = new TreeMap<>();
        o.deadLetters().forEach(d -> reasons.merge(d.topic() + ": " + d.reason(), 1, Integer::sum));
        return new Verdict(lost, duplicated, outOfOrder, unseenIds.size(), o.deadLetters().size(), reasons, findings);
    }

    /** True when every figure that must be zero is. */
    public boolean holds() {
        return lost == 0 && duplicated == 0 && outOfOrder == 0 && unseen == 0;
    }

    /** The last line of a report: {@code lost 0, duplicated 0, out of order 0, unseen 0} when all hold. */
    public String line() {
        return line(lost, duplicated, outOfOrder, unseen);
    }

    public static String line(int lost, int duplicated, int outOfOrder, int unseen) {
        return "lost " + lost + ", duplicated " + duplicated + ", out of order " + outOfOrder + ", unseen " + unseen;
    }

    /**
     * Whether statuses go backwards: a later one ranks below the highest before it on the way SUBMITTED → CLOSED. A
     * reopening starts the way again; statuses off the way (deliberation, withdrawal, rejection, merge) are not ranked.
     */
    static boolean goesBackwards(List<RequestStatus> statuses) {
        int highest = -1;
        for (RequestStatus s : statuses) {
            if (s == RequestStatus.REOPENED) {
                highest = -1;
                continue;
            }
            int r = rank(s);
            if (r < 0) {
                continue;
            }
            if (r < highest) {
                return true;
            }
            highest = r;
        }
        return false;
    }

    private static int rank(RequestStatus s) {
        return switch (s) {
            case SUBMITTED -> 0;
            case ACKNOWLEDGED -> 1;
            case ASSIGNED -> 2;
            case IN_PROGRESS -> 3;
            case RESOLVED -> 4;
            case CLOSED -> 5;
            default -> -1;
        };
    }

    private static void sample(List<String> findings, String figure, String finding) {
        if (findings.stream().filter(f -> f.startsWith(figure + ":")).count() < SAMPLES) {
            findings.add(figure + ": " + finding);
        }
    }
}
