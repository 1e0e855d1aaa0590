package org.gongzhi.volunteer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.volunteer.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.KafkaProbe;
import org.gongzhi.events.Topics;
import org.gongzhi.volunteer.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A volunteer reports progress on an accepted job ({@code volunteer.progressed}) and, when it needs a professional,
 * hands it to a kind of alliance party ({@code volunteer.handed-over}, not {@code volunteer.unmatched}).
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
class ProgressAndHandOverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A worker asks for an errand in {@code building}; the volunteer expected is offered it and accepts. */
    private static String acceptedJob(String volunteer, String requestId, String building) {
        as(DevTokens.worker()).body("""
                {"requestId": "%s", "category": "shopping-help", "building": "%s"}""".formatted(requestId, building))
                .post("/api/matchings").then().statusCode(201).body("offers[0].volunteerId", equalTo(volunteer));
        String offer = as(DevTokens.volunteer(volunteer)).get("/api/volunteers/me/offers").then().statusCode(200)
                .extract().path("find { it.requestId == '%s' }.id".formatted(requestId));
        as(DevTokens.volunteer(volunteer)).post("/api/offers/" + offer + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        return offer;
    }

    private static JsonNode data(ConsumerRecord<String, String> record) throws Exception {
        return JSON.readTree(record.value());
    }

    @Test
    void progressOnMyAcceptedJobIsPublishedAndTheTaskShowsTheLatest() throws Exception {
        Fixtures.building("500", 500, 500);
        String s = Fixtures.suffix();
        Fixtures.team("errand-" + s, null);
        String runner = "run-" + s;
        String neighbour = "nbr-" + s;
        Fixtures.volunteer(runner, "errand-" + s, "500", "errands");
        Fixtures.volunteer(neighbour, "errand-" + s, "500", "escort");

        String request = "req-" + UUID.randomUUID();
        as(DevTokens.worker()).body("""
                {"requestId": "%s", "category": "shopping-help", "building": "500"}""".formatted(request))
                .post("/api/matchings").then().statusCode(201).body("offers[0].volunteerId", equalTo(runner));
        String offer = as(DevTokens.volunteer(runner)).get("/api/volunteers/me/offers").then().statusCode(200)
                .extract().path("find { it.requestId == '%s' }.id".formatted(request));

        // not accepted yet: no progress to report
        as(DevTokens.volunteer(runner)).body("{\"note\": \"on my way\"}").post("/api/offers/" + offer + "/progress")
                .then().statusCode(409).contentType("application/problem+json");
        as(DevTokens.volunteer(runner)).post("/api/offers/" + offer + "/accept").then().statusCode(200);

        // someone else's job does not exist for them; a blank note is refused naming the field
        as(DevTokens.volunteer(neighbour)).body("{\"note\": \"done it\"}").post("/api/offers/" + offer + "/progress")
                .then().statusCode(404).contentType("application/problem+json");
        as(DevTokens.volunteer(runner)).body("{\"note\": \" \"}").post("/api/offers/" + offer + "/progress")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("note"));

        as(DevTokens.volunteer(runner)).body("{\"note\": \"bought the rice, the oil is sold out\"}")
                .post("/api/offers/" + offer + "/progress").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("progressNote", equalTo("bought the rice, the oil is sold out"));
        as(DevTokens.volunteer(runner)).body("{\"note\": \"found oil at the other shop, delivering at 5\"}")
                .post("/api/offers/" + offer + "/progress").then().statusCode(200);

        // the task view shows the latest progress
        String task = "find { it.id == '%s' }".formatted(offer);
        as(DevTokens.volunteer(runner)).get("/api/volunteers/me/tasks").then().statusCode(200)
                .body(task + ".status", equalTo("ACCEPTED"))
                .body(task + ".progressNote", equalTo("found oil at the other shop, delivering at 5"))
                .body(task + ".progressAt", notNullValue());
        as(DevTokens.worker()).get("/api/matchings/" + request).then().statusCode(200)
                .body("offers[0].progressNote", equalTo("found oil at the other shop, delivering at 5"));

        // both reports went out, in order, with the community and nothing personal
        List<ConsumerRecord<String, String>> progressed = Fixtures.events(request, "gongzhi.volunteer.progressed.v1", 2);
        assertThat(progressed).hasSize(2);
        JsonNode latest = data(progressed.get(1));
        assertThat(latest.get("communityId").asText()).isEqualTo("hepingli");
        assertThat(latest.get("offerId").asText()).isEqualTo(offer);
        assertThat(latest.get("requestId").asText()).isEqualTo(request);
        assertThat(latest.get("volunteerId").asText()).isEqualTo(runner);
        assertThat(latest.get("note").asText()).isEqualTo("found oil at the other shop, delivering at 5");
        assertThat(latest.get("progressedAt").asText()).isNotBlank();
        assertThat(data(progressed.get(0)).get("note").asText()).isEqualTo("bought the rice, the oil is sold out");

        // a finished job takes no more progress
        as(DevTokens.volunteer(runner)).body("{\"hours\": 1}").post("/api/offers/" + offer + "/complete")
                .then().statusCode(200);
        as(DevTokens.volunteer(runner)).body("{\"note\": \"one more thing\"}")
                .post("/api/offers/" + offer + "/progress").then().statusCode(409);
        assertThat(Fixtures.events(request, "gongzhi.volunteer.completed.v1", 1)).hasSize(1);
        assertThat(KafkaProbe.records(Topics.VOLUNTEERING, request, found -> found.stream().anyMatch(r ->
                "gongzhi.volunteer.completed.v1".equals(KafkaProbe.header(r, "ce_type")))))
                .filteredOn(r -> "gongzhi.volunteer.progressed.v1".equals(KafkaProbe.header(r, "ce_type")))
                .hasSize(2);
    }

    @Test
    void aJobHandedOverGoesToTheNamedKindOfPartyOrTheCommunityOffice() throws Exception {
        // a corner of the grid of its own: the only errand-runner near building 520
        Fixtures.building("520", 520, 520);
        String s = Fixtures.suffix();
        Fixtures.team("handover-" + s, null);
        String runner = "hand-" + s;
        String stranger = "str-" + s;
        Fixtures.volunteer(runner, "handover-" + s, "520", "errands");
        Fixtures.volunteer(stranger, "handover-" + s, "520", "escort");
        String first = "req-" + UUID.randomUUID();
        String offer = acceptedJob(runner, first, "520");

        // an unknown kind of party is refused naming the field, and so is a missing reason; nothing changes
        as(DevTokens.volunteer(runner)).body("{\"handOverTo\": \"PLUMBER\", \"reason\": \"the pipe burst\"}")
                .post("/api/offers/" + offer + "/hand-over").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("handOverTo"));
        as(DevTokens.volunteer(runner)).body("{\"handOverTo\": \"UTILITY\"}")
                .post("/api/offers/" + offer + "/hand-over").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        String task = "find { it.id == '%s' }".formatted(offer);
        as(DevTokens.volunteer(runner)).get("/api/volunteers/me/tasks").then().statusCode(200)
                .body(task + ".status", equalTo("ACCEPTED")).body(task + ".handedOverTo", nullValue());

        // someone else's job does not exist for them
        as(DevTokens.volunteer(stranger)).body("{\"handOverTo\": \"POLICE\", \"reason\": \"x\"}")
                .post("/api/offers/" + offer + "/hand-over").then().statusCode(404);

        // no party named: the community office takes it
        as(DevTokens.volunteer(runner)).body("{\"reason\": \"the landlord will not let me in\"}")
                .post("/api/offers/" + offer + "/hand-over").then().statusCode(200)
                .body("status", equalTo("HANDED_OVER")).body("handedOverTo", equalTo("COMMUNITY_OFFICE"))
                .body("handOverReason", equalTo("the landlord will not let me in"))
                .body("handedOverAt", notNullValue());
        as(DevTokens.volunteer(runner)).get("/api/volunteers/me/tasks").then().statusCode(200)
                .body(task + ".status", equalTo("HANDED_OVER")).body(task + ".handedOverTo", equalTo("COMMUNITY_OFFICE"));
        as(DevTokens.worker()).get("/api/matchings/" + first).then().statusCode(200)
                .body("status", equalTo("HANDED_OVER")).body("offers[0].handedOverTo", equalTo("COMMUNITY_OFFICE"));
        // handed over once: not again, and no more progress
        as(DevTokens.volunteer(runner)).body("{\"handOverTo\": \"POLICE\", \"reason\": \"x\"}")
                .post("/api/offers/" + offer + "/hand-over").then().statusCode(409);
        as(DevTokens.volunteer(runner)).body("{\"note\": \"x\"}").post("/api/offers/" + offer + "/progress")
                .then().statusCode(409);

        List<ConsumerRecord<String, String>> all = KafkaProbe.records(Topics.VOLUNTEERING, first, found -> found
                .stream().anyMatch(r -> "gongzhi.volunteer.handed-over.v1".equals(KafkaProbe.header(r, "ce_type"))));
        List<ConsumerRecord<String, String>> handedOver = all.stream()
                .filter(r -> "gongzhi.volunteer.handed-over.v1".equals(KafkaProbe.header(r, "ce_type"))).toList();
        assertThat(handedOver).hasSize(1);
        JsonNode event = data(handedOver.get(0));
        assertThat(event.get("communityId").asText()).isEqualTo("hepingli");
        assertThat(event.get("offerId").asText()).isEqualTo(offer);
        assertThat(event.get("requestId").asText()).isEqualTo(first);
        assertThat(event.get("volunteerId").asText()).isEqualTo(runner);
        assertThat(event.get("category").asText()).isEqualTo("shopping-help");
        assertThat(event.get("building").asText()).isEqualTo("520");
        assertThat(event.get("handOverTo").asText()).isEqualTo("COMMUNITY_OFFICE");
        assertThat(event.get("reason").asText()).isEqualTo("the landlord will not let me in");
        assertThat(event.get("handedOverAt").asText()).isNotBlank();
        // handed over is not "nobody could": no volunteer.unmatched for it
        assertThat(all).noneMatch(r -> "gongzhi.volunteer.unmatched.v1".equals(KafkaProbe.header(r, "ce_type")));

        // a named party: property management; the first version's field name "to" is still read
        String second = "req-" + UUID.randomUUID();
        String offer2 = acceptedJob(runner, second, "520");
        as(DevTokens.volunteer(runner)).body("{\"to\": \"PROPERTY_MANAGEMENT\", \"reason\": \"the stairwell light is out\"}")
                .post("/api/offers/" + offer2 + "/hand-over").then().statusCode(200)
                .body("handedOverTo", equalTo("PROPERTY_MANAGEMENT"));
        assertThat(data(Fixtures.events(second, "gongzhi.volunteer.handed-over.v1", 1).get(0)).get("handOverTo")
                .asText()).isEqualTo("PROPERTY_MANAGEMENT");
    }
}
