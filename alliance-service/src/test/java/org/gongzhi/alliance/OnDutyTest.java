package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** warning.issued names who is on duty, by the rota at the moment it is issued, at every patrolling party. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class OnDutyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String org = "unit-d-" + suffix;

    @BeforeEach
    void partyWithARota() {
        Fixtures.leakAlliance();
        Fixtures.organisation("office", "和平里社区居委会", "COMMUNITY_OFFICE");
        // today (where the estate is) 甲 is on duty all day, backed up by 乙; every other day 丙 and 丁
        int today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).getDayOfWeek().getValue();
        StringBuilder rota = new StringBuilder();
        for (int day = 1; day <= 7; day++) {
            rota.append(day > 1 ? ", " : "").append("""
                    {"dayOfWeek": %d, "starts": "00:00", "ends": "00:00", "contact": "%s", "backup": "%s"}"""
                    .formatted(day, day == today ? "甲" : "丙", day == today ? "乙" : "丁"));
        }
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "name": "和平里中学", "type": "AREA_UNIT",
                         "contacts": [{"name": "甲", "phone": "010-6421-0001"}, {"name": "乙", "phone": "010-6421-0002"},
                                      {"name": "丙", "phone": "010-6421-0003"}, {"name": "丁", "phone": "010-6421-0004"}],
                         "rota": [%s]}""".formatted(org, rota))
                .post("/api/organisations").then().statusCode(201);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("""
                        {"id": "roof-d-%s", "name": "操场看台", "building": "20", "kind": "TOP_FLOOR_ROOF",
                         "warningTypes": ["snow"], "organisation": "%s"}""".formatted(suffix, org))
                .post("/api/risk-points").then().statusCode(201);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private JsonNode issueSnowWarning() throws Exception {
        String id = given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"type\": \"snow\", \"level\": \"blue\", \"until\": \""
                        + clock.instant().plus(Duration.ofHours(12)) + "\"}")
                .post("/api/warnings").then().statusCode(201).extract().path("id");
        var issued = KafkaProbe.records(Topics.WARNINGS, id, found -> !found.isEmpty());
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).value()).doesNotContain("phone").doesNotContain("010-6421");
        return JSON.readTree(issued.get(0).value());
    }

    private List<String> onDutyOf(JsonNode issued, String organisationId) {
        List<String> people = new ArrayList<>();
        for (JsonNode d : issued.get("onDuty")) {
            if (d.get("organisationId").asText().equals(organisationId)) {
                people.add(d.path("contactName").asText("-") + ":" + d.path("shift").asText("-"));
            }
        }
        return people;
    }

    private String contactId(String name) {
        return Fixtures.text("select id from contact where organisation_id = '" + org + "' and name = '" + name + "'");
    }

    @Test
    void theWarningNamesTheContactOnDutyAndTheBackupOfEveryPatrollingPartyAndTheOffice() throws Exception {
        JsonNode issued = issueSnowWarning();
        assertThat(onDutyOf(issued, org)).containsExactly("甲:duty", "乙:backup");
        JsonNode duty = null;
        for (JsonNode d : issued.get("onDuty")) {
            if (d.get("organisationId").asText().equals(org) && "duty".equals(d.path("shift").asText())) {
                duty = d;
            }
        }
        assertThat(duty).isNotNull();
        assertThat(duty.get("organisationName").asText()).isEqualTo("和平里中学");
        assertThat(duty.get("contactId").asText()).isEqualTo(contactId("甲"));
        // the community office always hears of it; a party without a patrol does not
        assertThat(onDutyOf(issued, "office")).isNotEmpty();
        assertThat(onDutyOf(issued, "water")).isEmpty();

        // a day later the rota has other people on duty
        clock.advance(Duration.ofDays(1));
        JsonNode tomorrow = issueSnowWarning();
        assertThat(onDutyOf(tomorrow, org)).containsExactly("丙:duty", "丁:backup");
    }
}
