package org.gongzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gongzhi.bench.faults.FaultSuite;
import org.junit.jupiter.api.Test;

/** What {@code ./gongzhi bench} and {@code ./gongzhi faults} answer a person asking for their usage, or mistyping. */
class HelpTest {

    @Test
    void helpIsAskedWithDashHOrDashDashHelpAnywhereOnTheLine() {
        assertThat(Help.asked("--quick", "--help")).isTrue();
        assertThat(Help.asked("-h")).isTrue();
        assertThat(Help.asked("--quick", "--only", "poison")).isFalse();
        assertThat(Help.asked("--helpful")).isFalse();
    }

    @Test
    void theFaultSuitesUsageGoesToStandardOutputWithExitZeroAndNamesTheScenarios() throws Exception {
        Run run = Run.of(FaultSuite.class, "--help");

        assertThat(run.status).isZero();
        assertThat(run.out).startsWith("usage: ./gongzhi faults").contains("service-kill", "partner-outage");
        assertThat(run.err).doesNotContain("unknown option");
    }

    @Test
    void theBenchsUsageGoesToStandardOutputWithExitZero() throws Exception {
        Run run = Run.of(Bench.class, "-h");

        assertThat(run.status).isZero();
        assertThat(run.out).contains("usage: ./gongzhi bench");
    }

    @Test
    void anUnknownOptionIsNamedOnStandardErrorWithTheUsageAndExitTwo() throws Exception {
        Run run = Run.of(FaultSuite.class, "--quikc");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("unknown option --quikc").contains("usage: ./gongzhi faults");
        assertThat(run.out).isEmpty();
    }

    private record Run(int status, String out, String err) {
        static Run of(Class<?> main, String... args) throws IOException, InterruptedException {
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Run(process.exitValue(), out, err);
        }
    }
}
