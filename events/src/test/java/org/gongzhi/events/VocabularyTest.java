package org.gongzhi.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The published vocabulary (task status and role, request status) and the visit id: their wire form is today's JSON,
 * the schemas list the same values, and a value a newer producer publishes reads as UNKNOWN without failing the event.
 */
class VocabularyTest {
    /** As the services' mapper reads: Quarkus leaves FAIL_ON_UNKNOWN_PROPERTIES off. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static List<String> schemaEnum(EventType type, String property) throws Exception {
        JsonNode schema = JSON.readTree(EventType.class.getResourceAsStream("/schemas/" + type.ceType() + ".json"));
        List<String> values = new ArrayList<>();
        schema.at("/properties/" + property + "/enum").forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }

    private static <E extends Enum<E>> List<String> published(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(n -> !n.equals("UNKNOWN")).toList();
    }

    @Test
    void theSchemasListExactlyThePublishedValues() throws Exception {
        assertEquals(published(TaskStatus.class), schemaEnum(EventType.TASK_STATUS_CHANGED, "status"));
        assertEquals(published(TaskRole.class), schemaEnum(EventType.TASK_ASSIGNED, "role"));
        List<String> roleOrNone = new ArrayList<>(published(TaskRole.class));
        roleOrNone.add(null);
        assertEquals(roleOrNone, schemaEnum(EventType.TASK_STATUS_CHANGED, "role"));
        List<String> requestStatuses = published(RequestStatus.class);
        assertEquals(requestStatuses, schemaEnum(EventType.REQUEST_STATUS_CHANGED, "to"));
        List<String> fromOrNone = new ArrayList<>(requestStatuses);
        fromOrNone.add(null);
        assertEquals(fromOrNone, schemaEnum(EventType.REQUEST_STATUS_CHANGED, "from"));
        assertEquals(requestStatuses, schemaEnum(EventType.REQUEST_ACKNOWLEDGED, "status"));
        assertEquals(requestStatuses, schemaEnum(EventType.REQUEST_RECATEGORISED, "status"));
    }

    @Test
    void aQueryMayAskForEveryPublishedValueButNotForUnknown() {
        assertEquals(TaskStatus.DECLINED, TaskStatus.fromString("DECLINED"));
        assertEquals(TaskRole.LEAD, TaskRole.fromString("LEAD"));
        assertEquals(RequestStatus.CLOSED, RequestStatus.fromString("CLOSED"));
        // the message is the JDK's own for a bad enum name, which platform's PlainWords turns into "is not one of …"
        assertEquals("No enum constant org.gongzhi.events.TaskStatus.UNKNOWN",
                assertThrows(IllegalArgumentException.class, () -> TaskStatus.fromString("UNKNOWN")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TaskRole.fromString("UNKNOWN"));
        assertThrows(IllegalArgumentException.class, () -> RequestStatus.fromString("closed"));
    }

    @Test
    void everyValueReadsBackFromItsWireName() {
        for (TaskStatus s : TaskStatus.values()) {
            if (s != TaskStatus.UNKNOWN) {
                assertEquals(s, TaskStatus.of(s.wire()));
            }
        }
        for (TaskRole r : TaskRole.values()) {
            if (r != TaskRole.UNKNOWN) {
                assertEquals(r, TaskRole.of(r.wire()));
            }
        }
        for (RequestStatus s : RequestStatus.values()) {
            if (s != RequestStatus.UNKNOWN) {
                assertEquals(s, RequestStatus.of(s.wire()));
            }
        }
        assertEquals("LEAD", TaskRole.LEAD.wire());
        assertEquals("SUPPORT", TaskRole.SUPPORT.wire());
        assertNull(TaskStatus.of(null));
    }

    @Test
    void unknownIsNeverPublished() {
        assertThrows(IllegalArgumentException.class, TaskStatus.UNKNOWN::wire);
        assertThrows(IllegalArgumentException.class, () -> new TaskStatusChanged("hepingli", "t-1", "r-1", "property",
                TaskRole.LEAD, TaskStatus.UNKNOWN, null, EventSamples.NOW));
        assertThrows(IllegalArgumentException.class, () -> RequestStatus.of("UNKNOWN").wire());
    }

    @Test
    void theTypedConstructorsWriteTodaysJson() throws Exception {
        assertEquals(JSON.writeValueAsString(EventSamples.ALL.get(EventType.TASK_ASSIGNED)),
                JSON.writeValueAsString(new TaskAssigned("hepingli", "t-1", "r-1", "property", "和平物业", TaskRole.LEAD,
                        "water-leak", "7", EventSamples.NOW.plusSeconds(7200), EventSamples.NOW.plusSeconds(86400),
                        EventSamples.NOW)));
        assertEquals(JSON.writeValueAsString(EventSamples.ALL.get(EventType.TASK_STATUS_CHANGED)),
                JSON.writeValueAsString(new TaskStatusChanged("hepingli", "t-1", "r-1", "property", TaskRole.LEAD,
                        TaskStatus.ACKNOWLEDGED, "plumber on the way", EventSamples.NOW)));
        assertEquals(JSON.writeValueAsString(EventSamples.ALL.get(EventType.REQUEST_STATUS_CHANGED)),
                JSON.writeValueAsString(new RequestStatusChanged("hepingli", "r-1", "water-leak", "7",
                        RequestStatus.SUBMITTED, RequestStatus.ASSIGNED, "task assigned to 和平物业",
                        EventSamples.NOW, null)));
        // today's text, as alliance-service wrote it before the vocabulary had types
        String published = """
                {"communityId":"hepingli","taskId":"t-1","requestId":"r-1","organisationId":"property","role":"LEAD",\
                "status":"ACKNOWLEDGED","note":"plumber on the way","changedAt":"2026-11-28T09:30:00Z"}""";
        TaskStatusChanged read = JSON.readValue(published, TaskStatusChanged.class);
        assertEquals(TaskStatus.ACKNOWLEDGED, read.taskStatus());
        assertEquals(TaskRole.LEAD, read.taskRole());
        assertEquals(published, JSON.writeValueAsString(read));
    }

    /** A newer producer's value: the event reads whole, the value as UNKNOWN, and it is not mistaken for another. */
    @Test
    void aValueFromANewerProducerReadsAsUnknownAndKeepsTheEvent() throws Exception {
        TaskStatusChanged change = JSON.readValue("""
                {"communityId":"hepingli","taskId":"t-1","requestId":"r-1","organisationId":"property",
                 "role":"OBSERVER","status":"ON_HOLD","note":"waiting for parts","changedAt":"2026-11-28T09:30:00Z",
                 "onHoldUntil":"2026-11-30T09:30:00Z"}""", TaskStatusChanged.class);
        assertEquals(TaskStatus.UNKNOWN, change.taskStatus());
        assertEquals(TaskRole.UNKNOWN, change.taskRole());
        assertEquals("ON_HOLD", change.status());
        assertEquals("t-1", change.taskId());
        assertEquals(Instant.parse("2026-11-28T09:30:00Z"), change.changedAt());
        assertTrue(change.taskStatus().isOpen());
        assertTrue(!change.taskStatus().isResponse());

        RequestStatusChanged moved = JSON.readValue("""
                {"communityId":"hepingli","requestId":"r-1","category":"water-leak","building":"7",
                 "from":"ASSIGNED","to":"ON_HOLD","reason":null,"changedAt":"2026-11-28T09:30:00Z"}""",
                RequestStatusChanged.class);
        assertEquals(RequestStatus.ASSIGNED, moved.fromStatus());
        assertEquals(RequestStatus.UNKNOWN, moved.toStatus());
        assertTrue(!moved.toStatus().hasEnded());
    }

    @Test
    void everySampleRoundTripsAndItsVocabularyReadsKnown() throws Exception {
        for (var sample : EventSamples.ALL.entrySet()) {
            String text = JSON.writeValueAsString(sample.getValue());
            GongzhiEvent read = JSON.readValue(text, sample.getKey().dataClass());
            assertEquals(sample.getValue(), read);
            assertEquals(text, JSON.writeValueAsString(read));
            if (read instanceof TaskAssigned t) {
                assertEquals(TaskRole.LEAD, t.taskRole());
            }
            if (read instanceof TaskStatusChanged c) {
                assertEquals(TaskStatus.ACKNOWLEDGED, c.taskStatus());
            }
            if (read instanceof RequestStatusChanged c) {
                assertEquals(RequestStatus.ASSIGNED, c.toStatus());
            }
            if (read instanceof VolunteeringEvent v) {
                assertEquals(Optional.empty(), v.visit(), "a request's work is no visit: " + read);
                assertEquals(v.requestId(), v.aggregateId());
            }
        }
    }

    @Test
    void aVisitsEventsCarryTheVisitInItsOwnFieldAndValidate() throws Exception {
        assertEquals(6, EventSamples.VISITS.size());
        for (VolunteeringEvent visit : EventSamples.VISITS) {
            EventType type = EventType.of(visit.getClass());
            JsonNode node = JSON.valueToTree(visit);
            assertEquals(EventSamples.VISIT, node.get("visitId").asText());
            assertEquals("w-1", node.get("warningId").asText());
            assertTrue(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(EventType.class.getResourceAsStream("/schemas/" + type.ceType() + ".json"))
                    .validate(node).isEmpty(), type.ceType());
            VolunteeringEvent read = (VolunteeringEvent) JSON.treeToValue(node, type.dataClass());
            assertEquals(visit, read);
            assertEquals(Optional.of(new VisitId(EventSamples.VISIT)), read.visit());
            assertEquals(EventSamples.VISIT, read.aggregateId());
        }
    }

    /** An event already on the topic from before visitId: the visit is still recognised, by its request id. */
    @Test
    void aVisitPublishedBeforeVisitIdIsStillRecognised() throws Exception {
        VolunteerOffered old = JSON.readValue("""
                {"communityId":"hepingli","offerId":"o-2","requestId":"%s","volunteerId":"v-1",
                 "reason":"check-on-neighbour visit; 1 building away","expiresAt":"2026-11-28T09:45:00Z",
                 "offeredAt":"2026-11-28T09:30:00Z"}""".formatted(EventSamples.VISIT), VolunteerOffered.class);
        assertNull(old.visitId());
        assertEquals(Optional.of(new VisitId(EventSamples.VISIT)), old.visit());
        assertEquals(EventSamples.VISIT, old.aggregateId());
        assertEquals(Optional.empty(), VisitId.inRequestId("0b6e5f0e-8d0e-4f57-a7f4-0a5e34b4b7c1"));
        assertEquals(Optional.empty(), VisitId.inRequestId(null));
        assertThrows(IllegalArgumentException.class, () -> new VisitId("r-1"));
    }
}
