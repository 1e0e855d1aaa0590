package org.gongzhi.bench.faults;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhi.events.RequestStatus;

/**
 * What the checker saw of one scenario, from outside the services: what the load generator had accepted, the topics,
 * the services' databases and the dashboard's stream. Plain data, so the verdict's rules can be tried on made-up
 * observations.
 *
 * @param accepted every request answered 201 during the scenario → whether a lead party is to be assigned
 * @param stored the accepted requests request-service holds
 * @param leadTasksOnTopic request id → the distinct lead task ids assigned on {@code gongzhi.tasks}
 * @param leadTasksStored request id → the lead task rows alliance-service holds for it
 * @param submittedOnDashboard the request ids whose {@code request.submitted} came down the dashboard's stream
 * @param statusesOnTopic request id → its statuses on {@code gongzhi.requests}, in offset order
 * @param readModels read model name → request id → the status it shows
 * @param effects what the services applied that a user sees once per event (timeline entries, notices, webhook
 *                messages), each with the identity that is the same when one event was applied twice
 * @param eventsOnTopics the CloudEvents ids of the records on the topics since the scenario began
 * @param eventsOnDashboard the CloudEvents ids that came down the dashboard's stream
 * @param deadLetters the records on the dead-letter topics since the scenario began
 * @param expectedDeadLetters the CloudEvents ids the scenario put on the topics as poison
 * @param undelivered webhook messages for the accepted requests that never reached their receiver
 */
public record Observations(Map<String, Boolean> accepted, Set<String> stored,
        Map<String, Set<String>> leadTasksOnTopic, Map<String, Integer> leadTasksStored,
        Set<String> submittedOnDashboard, Map<String, List<RequestStatus>> statusesOnTopic,
        Map<String, Map<String, RequestStatus>> readModels, List<Effect> effects, Set<String> eventsOnTopics,
        Set<String> eventsOnDashboard, List<DeadLetter> deadLetters, Set<String> expectedDeadLetters,
        List<String> undelivered) {

    /** One applied effect: its kind ("timeline entry"), its request, and what makes two of them the same. */
    public record Effect(String kind, String requestId, String identity) {
    }

    /** A record on {@code <topic>.dlq}: where it came from, its CloudEvents id and the reason a consumer gave. */
    public record DeadLetter(String topic, String eventId, String reason) {
    }
}
