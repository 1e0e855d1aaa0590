package org.gongzhi.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhi.events.RequestStatus;
import org.junit.jupiter.api.Test;

/** The checker's rules on made-up observations: each figure counts what it says, and a clean run counts nothing. */
class VerdictTest {
    /** A run where request r1 (routed) and r2 (for volunteers) went through everything once. */
    private static final class Run {
        final Map<String, Boolean> accepted = new HashMap<>(Map.of("r1", true, "r2", false));
        final Set<String> stored = new HashSet<>(Set.of("r1", "r2"));
        final Map<String, Set<String>> leadOnTopic = new HashMap<>(Map.of("r1", Set.of("t1")));
        final Map<String, Integer> leadStored = new HashMap<>(Map.of("r1", 1));
        final Set<String> submittedOnDashboard = new HashSet<>(Set.of("r1", "r2"));
        final Map<String, List<RequestStatus>> statuses = new HashMap<>(Map.of(
                "r1", List.of(RequestStatus.SUBMITTED, RequestStatus.ASSIGNED),
                "r2", List.of(RequestStatus.SUBMITTED)));
        final Map<String, Map<String, RequestStatus>> readModels = new HashMap<>(Map.of(
                "request-service", new HashMap<>(Map.of("r1", RequestStatus.ASSIGNED, "r2", RequestStatus.SUBMITTED)),
                "board", new HashMap<>(Map.of("r1", RequestStatus.ASSIGNED))));
        final List<Observations.Effect> effects = new ArrayList<>(List.of(
                new Observations.Effect("timeline entry", "r1", "SUBMITTED 已受理"),
                new Observations.Effect("timeline entry", "r1", "STATUS Status: ASSIGNED"),
                new Observations.Effect("timeline entry", "r1", "TASK_ASSIGNED 和平物业 leads the work property"),
                new Observations.Effect("notice", "r1", "resident-1 ASSIGNED"),
                new Observations.Effect("webhook message", "r1", "endpoint-1 task.assigned {t1}")));
        final Set<String> onTopics = new HashSet<>(Set.of("e1", "e2", "e3"));
        final Set<String> onDashboard = new HashSet<>(Set.of("e1", "e2", "e3"));
        final List<Observations.DeadLetter> deadLetters = new ArrayList<>();
        final Set<String> expectedDeadLetters = new HashSet<>();
        final List<String> undelivered = new ArrayList<>();

        Verdict verdict() {
            return Verdict.of(new Observations(accepted, stored, leadOnTopic, leadStored, submittedOnDashboard,
                    statuses, readModels, effects, onTopics, onDashboard, deadLetters, expectedDeadLetters,
                    undelivered));
        }
    }

    @Test
    void aRunWhereEverythingHappenedOnceHolds() {
        Verdict v = new Run().verdict();

        assertThat(v.holds()).isTrue();
        assertThat(v.line()).isEqualTo("lost 0, duplicated 0, out of order 0, unseen 0");
        assertThat(v.findings()).isEmpty();
    }

    @Test
    void anAcceptedRequestTheServiceDoesNotHoldIsLost() {
        Run run = new Run();
        run.stored.remove("r2");

        assertThat(run.verdict().lost()).isEqualTo(1);
        assertThat(run.verdict().findings()).containsExactly("lost: request r2: not in request-service");
    }

    @Test
    void aRoutedRequestWithoutItsLeadTaskIsLostOnceHoweverManyPlacesMissIt() {
        Run run = new Run();
        run.leadOnTopic.remove("r1");
        run.leadStored.remove("r1");

        Verdict v = run.verdict();
        assertThat(v.lost()).isEqualTo(1);
        assertThat(v.line()).isEqualTo("lost 1, duplicated 0, out of order 0, unseen 0");
    }

    @Test
    void aLeadTaskOnTheTopicThatRequestServiceNeverAppliedIsLost() {
        Run run = new Run();
        run.effects.removeIf(f -> f.identity().startsWith("TASK_ASSIGNED"));

        Verdict v = run.verdict();
        assertThat(v.lost()).isEqualTo(1);
        assertThat(v.findings()).containsExactly("lost: request r1: its lead task not on request-service's timeline");
    }

    @Test
    void aRequestForVolunteersNeedsNoLeadTask() {
        Run run = new Run();

        assertThat(run.leadOnTopic).doesNotContainKey("r2");
        assertThat(run.verdict().lost()).isZero();
    }

    @Test
    void aRequestNeverOnTheDashboardIsLost() {
        Run run = new Run();
        run.submittedOnDashboard.remove("r1");

        assertThat(run.verdict().findings()).containsExactly("lost: request r1: never on the dashboard");
    }

    @Test
    void aPoisonRecordThatReachedNoDeadLetterTopicIsLostAndOneThatDidIsCountedWithItsReason() {
        Run run = new Run();
        run.expectedDeadLetters.addAll(Set.of("p1", "p2"));
        run.onTopics.addAll(Set.of("p1", "p2"));
        run.deadLetters.add(new Observations.DeadLetter("gongzhi.requests", "p1", "not JSON"));
        run.deadLetters.add(new Observations.DeadLetter("gongzhi.requests", "p1", "not JSON"));

        Verdict v = run.verdict();
        assertThat(v.lost()).isEqualTo(1);
        assertThat(v.deadLettered()).isEqualTo(2);
        assertThat(v.deadLetterReasons()).containsEntry("gongzhi.requests: not JSON", 2);
        assertThat(v.unseen()).as("a dead letter is not expected on the dashboard; p2 was neither").isEqualTo(1);
    }

    @Test
    void aWebhookMessageNeverDeliveredIsLost() {
        Run run = new Run();
        run.undelivered.add("msg_e2 (FAILED)");

        assertThat(run.verdict().lost()).isEqualTo(1);
    }

    @Test
    void aSecondLeadTaskForOneRequestIsADuplicateOnTheTopicAndInTheService() {
        Run run = new Run();
        run.leadOnTopic.put("r1", Set.of("t1", "t2"));
        run.leadStored.put("r1", 2);

        assertThat(run.verdict().duplicated()).isEqualTo(2);
    }

    @Test
    void twoEffectsTheSameButForTheirIdsAreDuplicatesAndDifferentOnesAreNot() {
        Run run = new Run();
        run.effects.add(new Observations.Effect("timeline entry", "r1",
                "TASK_ASSIGNED 和平物业 leads the work property"));
        run.effects.add(new Observations.Effect("notice", "r1", "resident-1 ASSIGNED"));
        run.effects.add(new Observations.Effect("notice", "r1", "resident-1 ASSIGNED"));
        run.effects.add(new Observations.Effect("webhook message", "r1", "endpoint-1 task.assigned {t1}"));
        run.effects.add(new Observations.Effect("webhook message", "r1", "endpoint-2 task.assigned {t1}"));

        Verdict v = run.verdict();
        assertThat(v.duplicated()).isEqualTo(4);
        assertThat(v.findings()).contains("duplicated: request r1: 3 × notice resident-1 ASSIGNED");
    }

    @Test
    void aStatusGoingBackwardsOnTheTopicIsOutOfOrderButAReopeningIsNot() {
        Run run = new Run();
        run.statuses.put("r1", List.of(RequestStatus.SUBMITTED, RequestStatus.ASSIGNED, RequestStatus.ACKNOWLEDGED));
        run.statuses.put("r2", List.of(RequestStatus.SUBMITTED, RequestStatus.RESOLVED, RequestStatus.REOPENED,
                RequestStatus.ASSIGNED, RequestStatus.IN_DELIBERATION, RequestStatus.RESOLVED));
        run.readModels.get("request-service").put("r1", RequestStatus.ACKNOWLEDGED);
        run.readModels.get("request-service").put("r2", RequestStatus.RESOLVED);
        run.readModels.get("board").put("r1", RequestStatus.ACKNOWLEDGED);

        assertThat(run.verdict().outOfOrder()).isEqualTo(1);
    }

    @Test
    void aReadModelShowingAnEarlierStatusThanTheTopicsLastIsOutOfOrder() {
        Run run = new Run();
        run.readModels.get("board").put("r1", RequestStatus.SUBMITTED);

        Verdict v = run.verdict();
        assertThat(v.outOfOrder()).isEqualTo(1);
        assertThat(v.findings()).containsExactly(
                "out of order: request r1: board shows SUBMITTED, the topic's last is ASSIGNED");
    }

    @Test
    void anEventOnATopicNeverOnTheDashboardIsUnseen() {
        Run run = new Run();
        run.onDashboard.remove("e3");

        Verdict v = run.verdict();
        assertThat(v.unseen()).isEqualTo(1);
        assertThat(v.holds()).isFalse();
        assertThat(v.line()).isEqualTo("lost 0, duplicated 0, out of order 0, unseen 1");
    }

    @Test
    void requestsOfOtherRunsAreNotJudged() {
        Run run = new Run();
        run.statuses.put("elsewhere", List.of(RequestStatus.RESOLVED, RequestStatus.SUBMITTED));
        run.leadOnTopic.put("elsewhere", Set.of("t8", "t9"));

        assertThat(run.verdict().holds()).isTrue();
    }
}
