package org.gongzhi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.LocalSystem;
import org.gongzhi.devstack.ServiceProcess.Service;
import org.gongzhi.system.TraceCollector.CollectedSpan;
import org.junit.jupiter.api.Test;

/**
 * Following one request (issue 20): the services export their spans to the tests' collector, and a leak's journey —
 * the resident's POST, request-service's relay publishing it, the alliance assigning property management and
 * publishing that, request-service and the dashboard taking both in — is one trace whose every span hangs from the
 * POST, across the services, the outbox relays and Kafka.
 */
class TracingIT {
    private static final Set<String> JOURNEY = Set.of("gongzhi.request.submitted.v1", "gongzhi.task.assigned.v1");

    @Test
    void aLeaksJourneyThroughTheServicesIsOneConnectedTrace() {
        LocalSystem system = SystemUnderTest.get();
        TraceCollector traces = SystemUnderTest.traces();
        String id = given().baseUri(system.url(Service.REQUEST).toString())
                .auth().oauth2(DevTokens.resident("resident-tracing")).contentType(ContentType.JSON)
                .body("""
                        {"category": "water-leak", "description": "厨房水管滴水", "building": "12", "unit": "1",
                         "household": "402"}""")
                .post("/api/requests").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .baseUri(system.url(Service.REQUEST).toString()).auth().oauth2(DevTokens.worker())
                .get("/api/requests/" + id).then().statusCode(200).body("status", equalTo("ASSIGNED")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<CollectedSpan> journey = traces.spans().stream()
                    .filter(s -> id.equals(s.attributes().get("cloudevents.event_subject"))
                            && JOURNEY.contains(s.attributes().get("cloudevents.event_type")))
                    .toList();
            assertThat(journey).extracting(TracingIT::step).contains(
                    "request-service publish gongzhi.requests gongzhi.request.submitted.v1",
                    "alliance-service process gongzhi.requests gongzhi.request.submitted.v1",
                    "notification-service process gongzhi.requests gongzhi.request.submitted.v1",
                    "alliance-service publish gongzhi.tasks gongzhi.task.assigned.v1",
                    "request-service process gongzhi.tasks gongzhi.task.assigned.v1",
                    "notification-service process gongzhi.tasks gongzhi.task.assigned.v1");
            Set<String> traceIds = journey.stream().map(CollectedSpan::traceId).collect(Collectors.toSet());
            assertThat(traceIds).as("trace ids of the leak's journey").hasSize(1);

            List<CollectedSpan> trace = traces.trace(traceIds.iterator().next());
            Set<String> spanIds = trace.stream().map(CollectedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace).filteredOn(CollectedSpan::isRoot).singleElement().satisfies(root -> {
                assertThat(root.service()).isEqualTo("request-service");
                assertThat(root.name()).isEqualTo("POST /api/requests");
            });
            assertThat(trace).as("every span's parent is in the trace")
                    .allMatch(s -> s.isRoot() || spanIds.contains(s.parentSpanId()));
            // the alliance's work on the event is the child of request-service's publish, through Kafka
            CollectedSpan published = only(journey, "request-service publish gongzhi.requests gongzhi.request.submitted.v1");
            assertThat(only(journey, "alliance-service process gongzhi.requests gongzhi.request.submitted.v1")
                    .parentSpanId()).isEqualTo(published.spanId());
            assertThat(only(journey, "alliance-service publish gongzhi.tasks gongzhi.task.assigned.v1")
                    .parentSpanId()).isEqualTo(only(journey,
                            "alliance-service process gongzhi.requests gongzhi.request.submitted.v1").spanId());
        });
    }

    private static String step(CollectedSpan span) {
        return span.service() + " " + span.name() + " " + span.attributes().get("cloudevents.event_type");
    }

    private static CollectedSpan only(List<CollectedSpan> spans, String step) {
        return spans.stream().filter(s -> step(s).equals(step)).findFirst().orElseThrow();
    }
}
