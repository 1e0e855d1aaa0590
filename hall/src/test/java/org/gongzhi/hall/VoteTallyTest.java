package org.gongzhi.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gongzhi.hall.VoteTally.Household;
import org.gongzhi.hall.VoteTally.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quorum and double-majority rules at and around each threshold. */
class VoteTallyTest {
    private static final List<String> OPTIONS = List.of("approve", "reject", "abstain");

    /** {@code total} households: the first {@code yes} of {@code yesArea} m², the rest of {@code otherArea}; the rest do not vote. */
    private static List<Household> households(int total, int yes, int no, int abstain, String yesArea, String otherArea) {
        List<Household> list = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String choice = i < yes ? "approve" : i < yes + no ? "reject" : i < yes + no + abstain ? "abstain" : null;
            String area = i < yes ? yesArea : otherArea;
            list.add(new Household("h" + i, new BigDecimal(area), choice));
        }
        return list;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                               | rule                 | total | yes | no | abstain | yesArea | otherArea | outcome
            participation exactly 2/3, 5 of 8 approve            | DOUBLE_MAJORITY       | 12 | 5 | 3 | 0 | 60 | 60 | PASSED
            participation just under 2/3 of owners               | DOUBLE_MAJORITY       | 12 | 5 | 2 | 0 | 60 | 60 | NO_QUORUM
            owners 2/3 but area under 2/3                        | DOUBLE_MAJORITY       | 12 | 4 | 4 | 0 | 40 | 70 | NO_QUORUM
            exactly half the owners approve is not a majority    | DOUBLE_MAJORITY       | 12 | 4 | 4 | 0 | 60 | 60 | REJECTED
            owners majority but not area majority                | DOUBLE_MAJORITY       | 8  | 5 | 3 | 0 | 45 | 80 | REJECTED
            area majority but not owners majority                | DOUBLE_MAJORITY       | 12 | 4 | 5 | 0 | 90 | 40 | REJECTED
            abstentions count as participating, not approving    | DOUBLE_MAJORITY       | 12 | 4 | 2 | 2 | 60 | 60 | REJECTED
            major matter: exactly 3/4 of owners and area         | DOUBLE_MAJORITY_MAJOR | 12 | 6 | 2 | 0 | 60 | 60 | PASSED
            major matter: just under 3/4 of owners               | DOUBLE_MAJORITY_MAJOR | 12 | 5 | 2 | 1 | 60 | 60 | REJECTED
            major matter: 3/4 owners, area just under 3/4        | DOUBLE_MAJORITY_MAJOR | 8  | 6 | 2 | 0 | 59.99 | 60 | REJECTED
            simple majority at the quorum                        | SIMPLE_MAJORITY       | 12 | 4 | 2 | 0 | 60 | 60 | PASSED
            simple majority below the quorum                     | SIMPLE_MAJORITY       | 12 | 3 | 2 | 0 | 60 | 60 | NO_QUORUM
            simple majority tie is rejected                      | SIMPLE_MAJORITY       | 12 | 3 | 3 | 0 | 60 | 60 | REJECTED
            nobody voted                                         | SIMPLE_MAJORITY       | 12 | 0 | 0 | 0 | 60 | 60 | NO_QUORUM
            """)
    void countsExactly(String name, VoteRule rule, int total, int yes, int no, int abstain, String yesArea,
            String otherArea, Outcome expected) {
        var result = VoteTally.count(rule, OPTIONS, "approve", new BigDecimal("0.5"),
                households(total, yes, no, abstain, yesArea, otherArea));
        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.participating()).isEqualTo(yes + no + abstain);
        assertThat(result.households().get("approve")).isEqualTo(yes);
        if (expected == Outcome.PASSED) {
            assertThat(result.winningOption()).isEqualTo("approve");
        } else {
            assertThat(result.winningOption()).isNull();
        }
    }
}
