package org.gongzhi.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSuiteOptionsTest {

    @Test
    void aClusterIsAskedForWithBrokersAndInstances() {
        FaultSuite.Options o = FaultSuite.Options.parse("--quick", "--brokers", "3", "--instances", "2", "--only",
                "stuck-consumer,broker-kill");

        assertThat(o.brokers()).isEqualTo(3);
        assertThat(o.instances()).isEqualTo(2);
        assertThat(o.only()).containsExactly("stuck-consumer", "broker-kill");
    }

    @Test
    void withoutThemTheSystemIsOneBrokerAndOneInstanceOfEach() {
        FaultSuite.Options o = FaultSuite.Options.parse("--quick");

        assertThat(o.brokers()).isEqualTo(1);
        assertThat(o.instances()).isEqualTo(1);
    }

    @Test
    void fewerThanOneBrokerOrInstanceIsRefused() {
        assertThatThrownBy(() -> FaultSuite.Options.parse("--brokers", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--brokers");
        assertThatThrownBy(() -> FaultSuite.Options.parse("--instances", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--instances");
        assertThatThrownBy(() -> FaultSuite.Options.parse("--instances"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    }

    @Test
    void theClusterScenariosAreKnownByName() {
        assertThat(FaultSuite.scenarios()).extracting(Scenario::name)
                .contains("brokers-below-isr", "rebalance-storm", "stuck-consumer");
    }
}
