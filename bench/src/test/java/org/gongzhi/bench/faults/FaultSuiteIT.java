package org.gongzhi.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./gongzhi faults --quick} in CI: every scenario's short version on one system of the suite's own, the last
 * line all zeros and nothing dead-lettered but the poison records; then the guarantees broken on purpose from outside,
 * and the checker failing them, so that it cannot pass by default.
 * <p>
 * Where the system tests' former duplicates are checked now:
 * <ul>
 * <li>{@code service-kill} here is what {@code CrashRecoveryIT} (alliance-service SIGKILLed while requests flow) was:
 * every accepted request keeps its one lead task (on {@code gongzhi.tasks} and in alliance-service; a second one is
 * "duplicated", none "lost"), shown on request-service's timeline (else "lost"), no timeline entry twice
 * ("duplicated"), nothing dead-lettered — for every service killed, not alliance-service alone.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {
    private static final String ALL_HOLD = "lost 0, duplicated 0, out of order 0, unseen 0";
    private static final int RATE = 10;
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static Path dir;
    private static FaultSuite.Session session;

    @BeforeAll
    static void startTheSystem() {
        Path root = Path.of(System.getProperty("gongzhi.root", "..")).toAbsolutePath().normalize();
        dir = root.resolve("bench/target/faults-it")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        session = FaultSuite.Session.open(root, dir, OUT);
    }

    @AfterAll
    static void stopTheSystem() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    @Order(1)
    void underEveryQuickScenarioNothingIsLostDuplicatedReorderedOrUnseen() {
        String started = FaultReport.now();
        List<FaultSuite.Result> results = new ArrayList<>();
        for (Scenario scenario : FaultSuite.scenarios()) {
            if (session.unfit(scenario).isEmpty()) { // the cluster's own scenarios: FaultSuiteClusterIT (-Plong)
                results.add(session.run(scenario, true, RATE));
            }
        }
        Path report = FaultReport.write(dir, FaultSuite.Options.parse("--quick", "--rate", String.valueOf(RATE)),
                started, results);
        OUT.print(FaultReport.table(results));
        OUT.println("report: " + report);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.accepted()).as(r.scenario().name() + ": requests accepted").isPositive();
            assertThat(r.recovery()).as(r.scenario().name() + ": recovered").isPresent();
        });
        assertThat(results).filteredOn(r -> !r.scenario().name().equals("poison")).allSatisfy(r ->
                assertThat(r.verdict().deadLetterReasons()).as(r.scenario().name() + ": dead-lettered").isEmpty());
        Verdict poison = results.stream().filter(r -> r.scenario().name().equals("poison")).findFirst().orElseThrow()
                .verdict();
        assertThat(poison.deadLetterReasons().keySet()).as("every topic's poison record dead-lettered with its reason")
                .allSatisfy(reason -> assertThat(reason).contains("unreadable"))
                .extracting(reason -> reason.substring(0, reason.indexOf(':'))).containsAll(Topics.ALL);
        assertThat(FaultReport.lastLine(results)).isEqualTo(ALL_HOLD);
    }

    @Test
    @Order(2)
    void anEventRepublishedWithAFreshIdIsCountedAsDuplicated() {
        Verdict verdict = session.run(new RepublishedRecords(), true, RATE).verdict();

        assertThat(verdict.duplicated()).as(verdict.findings().toString()).isPositive();
        assertThat(verdict.line()).isNotEqualTo(ALL_HOLD);
    }

    @Test
    @Order(3)
    void anAcceptedRequestWhoseOutboxRowIsDeletedIsCountedAsLost() {
        Verdict verdict = session.run(new DeletedOutboxRows(), true, RATE).verdict();

        assertThat(verdict.lost()).as(verdict.findings().toString()).isPositive();
        assertThat(verdict.findings()).anySatisfy(f -> assertThat(f).contains("never on the dashboard"));
        assertThat(verdict.line()).isNotEqualTo(ALL_HOLD);
    }
}
