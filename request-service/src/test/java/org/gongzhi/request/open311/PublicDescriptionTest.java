package org.gongzhi.request.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of a description the public reads: only by the resident's choice, and without phone numbers or names. */
class PublicDescriptionTest {

    @Test
    void withoutTheResidentsAgreementNothing() {
        assertThat(PublicDescription.of("楼道灯坏了", false)).isNull();
    }

    @Test
    void phoneNumbersGoHoweverTheyAreWritten() {
        assertThat(PublicDescription.of("电话13912345678或139 1234 5678或+86 139-1234-5678，座机010-62345678", true))
                .isEqualTo("电话[电话]或[电话]或[电话]，座机[电话]");
    }

    @Test
    void namesGoWhereTheTextIntroducesThem() {
        assertThat(PublicDescription.of("我叫张伟，联系人：李娜。王阿姨和赵师傅都知道", true))
                .isEqualTo("我叫[姓名]，联系人：[姓名]。某阿姨和某师傅都知道");
        assertThat(PublicDescription.of("My name is Ann Lee; Mrs. Smith upstairs knows", true))
                .isEqualTo("My name is [姓名]; [姓名] upstairs knows");
    }

    @Test
    void theProblemItselfStays() {
        assertThat(PublicDescription.of("3号楼小区门口的路灯从2026-12-01起不亮", true))
                .isEqualTo("3号楼小区门口的路灯从2026-12-01起不亮");
    }
}
