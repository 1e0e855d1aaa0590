package org.gongzhi.alliance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongzhi.alliance.organisation.Organisation;
import org.gongzhi.events.OrganisationType;
import org.junit.jupiter.api.Test;

/** Who a volunteer's hand-over goes to, with no database. */
class HandOverPartyTest {

    private static Organisation member(String id, OrganisationType type, List<String> buildings,
            List<String> categories) {
        Organisation o = new Organisation();
        o.id = id;
        o.type = type;
        o.buildings = buildings;
        o.categories = categories;
        return o;
    }

    private static final List<Organisation> MEMBERS = List.of(
            member("property-all", OrganisationType.PROPERTY_MANAGEMENT, List.of(), List.of()),
            member("property-east", OrganisationType.PROPERTY_MANAGEMENT, List.of("7", "8"), List.of()),
            member("property-east-water", OrganisationType.PROPERTY_MANAGEMENT, List.of("7"), List.of("water-leak")),
            member("property-west", OrganisationType.PROPERTY_MANAGEMENT, List.of("20"), List.of("noise")),
            member("police", OrganisationType.POLICE, List.of(), List.of()));

    @Test
    void theMemberNamingTheBuildingAndTheCategoryComesFirst() {
        assertThat(HandOverParty.choose(MEMBERS, "PROPERTY_MANAGEMENT", "water-leak", "7", "office"))
                .isEqualTo("property-east-water");
    }

    @Test
    void thenOneNamingTheBuildingBeforeOneForAll() {
        assertThat(HandOverParty.choose(MEMBERS, "PROPERTY_MANAGEMENT", "old-wiring", "8", "office"))
                .isEqualTo("property-east");
        assertThat(HandOverParty.choose(MEMBERS, "PROPERTY_MANAGEMENT", "old-wiring", "3", "office"))
                .isEqualTo("property-all");
    }

    @Test
    void aTypeWithoutAFittingMemberStillGoesToAMemberOfThatType() {
        List<Organisation> onlyWest = List.of(MEMBERS.get(3));

        assertThat(HandOverParty.choose(onlyWest, "property_management ", "water-leak", "7", "office"))
                .isEqualTo("property-west");
    }

    @Test
    void noMemberOfTheTypeOrAnUnknownTypeGoesToTheOffice() {
        assertThat(HandOverParty.choose(MEMBERS, "UTILITY", "water-leak", "7", "office")).isEqualTo("office");
        assertThat(HandOverParty.choose(MEMBERS, "plumber", "water-leak", "7", "office")).isEqualTo("office");
        assertThat(HandOverParty.choose(MEMBERS, null, "water-leak", "7", "office")).isEqualTo("office");
        assertThat(HandOverParty.typeOf("plumber")).isNull();
    }
}
