package org.gongzhi.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gongzhi faults --quick --brokers 3 --instances 2}: every scenario's short version on a cluster of the
 * suite's own (three brokers, two instances of each service), the cluster's own scenarios included, the last line all
 * zeros. It takes about half an hour on a busy 2-core machine, hence the tag: {@code ./mvnw -B verify -pl bench -Plong
 * -Dit.test=FaultSuiteClusterIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("long")
class FaultSuiteClusterIT {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Test
    void onAClusterUnderEveryQuickScenarioNothingIsLostDuplicatedReorderedOrUnseen() {
        Path root = Path.of(System.getProperty("gongzhi.root", "..")).toAbsolutePath().normalize();
        FaultSuite.Outcome outcome = FaultSuite.run(FaultSuite.Options.parse("--quick", "--brokers", "3",
                "--instances", "2", "--root", root.toString(), "--reports",
                root.resolve("bench/target/faults-cluster-it").toString()), OUT);
        OUT.println("report: " + outcome.report());

        assertThat(outcome.results()).extracting(r -> r.scenario().name()).as("every scenario ran, none skipped")
                .containsExactlyElementsOf(FaultSuite.scenarios().stream().map(Scenario::name).toList());
        assertThat(outcome.results()).allSatisfy(r -> {
            assertThat(r.accepted()).as(r.scenario().name() + ": requests accepted").isPositive();
            assertThat(r.recovery()).as(r.scenario().name() + ": recovered").isPresent();
        });
        FaultSuite.Result belowIsr = outcome.results().stream()
                .filter(r -> r.scenario().name().equals("brokers-below-isr")).findFirst().orElseThrow();
        assertThat(belowIsr.accepted()).as("intake answered 201 to every request while below min ISR")
                .isEqualTo(belowIsr.sent());
        assertThat(outcome.lastLine()).isEqualTo("lost 0, duplicated 0, out of order 0, unseen 0");
    }
}
