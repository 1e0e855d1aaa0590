package org.gongzhi.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static JsonSchema schemaOf(EventType type) throws Exception {
        InputStream in = EventType.class.getResourceAsStream("/schemas/" + type.ceType() + ".json");
        assertNotNull(in, "no schema for " + type.ceType());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void producerSampleValidatesAgainstItsSchema(EventType type) throws Exception {
        GongzhiEvent sample = EventSamples.ALL.get(type);
        assertNotNull(sample, "no sample for " + type);
        assertEquals(type.dataClass(), sample.getClass());
        Set<ValidationMessage> errors = schemaOf(type).validate(JSON.valueToTree(sample));
        assertTrue(errors.isEmpty(), type + ": " + errors);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAnEventWithoutItsCommunity(EventType type) throws Exception {
        ObjectNode node = JSON.valueToTree(EventSamples.ALL.get(type));
        node.remove("communityId");
        assertFalse(schemaOf(type).validate(node).isEmpty());
    }

    @Test
    void schemaRejectsUnknownFieldsSoAPhoneNumberCannotSlipIn() throws Exception {
        ObjectNode node = JSON.valueToTree(EventSamples.ALL.get(EventType.REQUEST_SUBMITTED));
        node.put("phone", "13800138000");
        assertFalse(schemaOf(EventType.REQUEST_SUBMITTED).validate(node).isEmpty());
    }

    @Test
    void timeLimitsAreOptionalAndAreISODurations() throws Exception {
        ObjectNode old = JSON.valueToTree(EventSamples.ALL.get(EventType.REQUEST_SUBMITTED));
        old.remove("timeLimits");
        assertTrue(schemaOf(EventType.REQUEST_SUBMITTED).validate(old).isEmpty(), "an event from before");
        assertEquals(null, JSON.treeToValue(old, RequestSubmitted.class).timeLimits());

        ObjectNode sample = JSON.valueToTree(EventSamples.ALL.get(EventType.REQUEST_SUBMITTED));
        assertEquals("PT2H", sample.at("/timeLimits/respondWithin").asText());
        ((ObjectNode) sample.get("timeLimits")).put("resolveWithin", "24 hours");
        assertFalse(schemaOf(EventType.REQUEST_SUBMITTED).validate(sample).isEmpty());
        ObjectNode recategorised = JSON.valueToTree(EventSamples.ALL.get(EventType.REQUEST_RECATEGORISED));
        assertEquals(java.time.Duration.ofMinutes(30), JSON.treeToValue(recategorised, RequestRecategorised.class)
                .timeLimits().respond());
    }

    @Test
    void everyTypeTravelsOnAKnownTopicAndIsFoundByItsCeType() {
        for (EventType type : EventType.values()) {
            assertTrue(Topics.ALL.contains(type.topic()), type.topic());
            assertEquals(type, EventType.ofCeType(type.ceType()).orElseThrow());
            assertEquals(type, EventType.of(type.dataClass()));
        }
    }

    @Test
    void samplesRoundTripThroughJson() throws Exception {
        for (var sample : EventSamples.ALL.entrySet()) {
            String text = JSON.writeValueAsString(sample.getValue());
            assertEquals(sample.getValue(), JSON.readValue(text, sample.getKey().dataClass()));
        }
    }

    @Test
    void asyncApiDocumentDescribesEveryEventTypeAndTopic() throws Exception {
        String asyncApi;
        try (InputStream in = EventType.class.getResourceAsStream("/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml is missing");
            asyncApi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (EventType type : EventType.values()) {
            assertTrue(asyncApi.contains("name: " + type.ceType()), "AsyncAPI lacks " + type.ceType());
        }
        for (String topic : Topics.ALL) {
            assertTrue(asyncApi.contains("address: " + topic + "\n"), "AsyncAPI lacks " + topic);
            assertTrue(asyncApi.contains("address: " + Topics.deadLetter(topic)), "AsyncAPI lacks its dlq");
        }
    }

    @Test
    void theOrganisationTypesAreWrittenOnceForValidationAndTheSchema() throws Exception {
        List<String> values = Arrays.stream(OrganisationType.values()).map(Enum::name).toList();
        assertEquals(String.join("|", values), OrganisationType.PATTERN);
        var schema = JSON.readTree(EventType.class.getResourceAsStream(
                "/schemas/" + EventType.VOLUNTEER_HANDED_OVER.ceType() + ".json"));
        List<String> inSchema = new ArrayList<>();
        schema.at("/properties/handOverTo/enum").forEach(v -> inSchema.add(v.asText()));
        assertEquals(values, inSchema);
    }
}
