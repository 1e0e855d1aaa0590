package org.gongzhi.alliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which parties take which category in which building: the rule table, end to end over Kafka. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class RoutingTableTest {

    @BeforeEach
    void rules() {
        Fixtures.leakAlliance();
        Fixtures.organisation("power", "供电所", "UTILITY");
        Fixtures.organisation("school", "和平里小学", "AREA_UNIT");
        if (Fixtures.count("select count(*) from routing_rule where category in ('noise', 'old-wiring')") == 0) {
            // noise: the police everywhere, but property management leads in the courtyard buildings 3 and 4
            Fixtures.rule("noise", List.of(), "police", List.of(), 5);
            Fixtures.rule("noise", List.of("3", "4"), "property", List.of("police"), 10);
            // old wiring: the power supply unit with property management; the school building 20 adds the school
            Fixtures.rule("old-wiring", List.of(), "power", List.of("property"), 5);
            Fixtures.rule("old-wiring", List.of("20"), "power", List.of("property", "school"), 20);
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("water-leak", "7", "property:LEAD,water:SUPPORT"),
                Arguments.of("noise", "9", "police:LEAD"),
                Arguments.of("noise", "3", "police:SUPPORT,property:LEAD"),
                Arguments.of("noise", "4", "police:SUPPORT,property:LEAD"),
                Arguments.of("old-wiring", "11", "power:LEAD,property:SUPPORT"),
                Arguments.of("old-wiring", "20", "power:LEAD,property:SUPPORT,school:SUPPORT"),
                Arguments.of("neighbour-dispute", "5", "office:LEAD"));
    }

    @ParameterizedTest(name = "{0} in building {1} → {2}")
    @MethodSource("table")
    void theHighestPriorityMatchingRuleChoosesTheParties(String category, String building, String parties) {
        String requestId = UUID.randomUUID().toString();
        Fixtures.submit(requestId, category, building, Instant.now().plusSeconds(3600),
                Instant.now().plusSeconds(86400));
        Fixtures.awaitCase(requestId, parties.split(",").length);
        assertThat(Fixtures.parties(requestId)).isEqualTo(parties);
    }
}
