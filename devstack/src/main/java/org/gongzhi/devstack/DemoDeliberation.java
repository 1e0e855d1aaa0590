package org.gongzhi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The deliberation hall of the demo: a parking topic in progress (comments, a meeting, an open vote) and a corridor
 * clean-up whose decision has been carried out by the alliance. Loaded once, through the services' APIs.
 */
final class DemoDeliberation {
    private static final Logger LOG = Logger.getLogger(DemoDeliberation.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    interface Api {
        JsonNode call(String method, URI base, String path, JsonNode body, String token);
    }

    private final Api api;

    /** Every refusal is logged with its answer: a demo hall with a topic missing says which call was refused. */
    DemoDeliberation(Api api) {
        this.api = (method, base, path, body, token) -> {
            JsonNode answer = api.call(method, base, path, body, token);
            int status = answer.path("status").asInt();
            if (status >= 300 && status != 409) {
                LOG.warning("demo deliberation: " + method + " " + path + " answered " + status + ": "
                        + answer.path("body"));
            }
            return answer;
        };
    }

    void load(URI requests, URI alliance, JsonNode data) {
        String worker = DevTokens.worker();
        JsonNode existing = api.call("GET", requests, "/api/deliberation/topics?size=1", null, worker);
        if (existing.path("status").asInt() != 200 || existing.path("body").path("total").asLong() > 0) {
            return;
        }
        for (JsonNode member : data.get("members")) {
            api.call("POST", requests, "/api/estate/members", member, worker);
        }
        List<String> residents = new ArrayList<>();
        data.get("members").forEach(m -> residents.add(m.get("residentId").asText()));

        // the parking topic: complaints taken to the hall, discussed, a meeting and a vote under way
        JsonNode parking = data.get("parking");
        ArrayNode linked = JSON.createArrayNode();
        for (JsonNode complaint : parking.get("complaints")) {
            JsonNode created = api.call("POST", requests, "/api/requests", complaint.get("request"),
                    DevTokens.resident(complaint.get("resident").asText()));
            linked.add(created.path("body").path("id").asText());
        }
        ObjectNode topic = ((ObjectNode) parking.get("topic").deepCopy()).set("requestIds", linked);
        String parkingId = api.call("POST", requests, "/api/deliberation/topics", topic, worker)
                .path("body").path("id").asText();
        for (JsonNode comment : parking.get("comments")) {
            api.call("POST", requests, "/api/deliberation/topics/" + parkingId + "/comments",
                    JSON.createObjectNode().put("text", comment.get("text").asText()),
                    DevTokens.resident(comment.get("resident").asText()));
        }
        ObjectNode meeting = ((ObjectNode) parking.get("meeting").deepCopy())
                .put("startsAt", Instant.now().plus(Duration.ofDays(3)).toString());
        meeting.putArray("topicIds").add(parkingId);
        String meetingId = api.call("POST", requests, "/api/deliberation/meetings", meeting, worker)
                .path("body").path("id").asText();
        residents.subList(0, 4).forEach(r -> api.call("POST", requests,
                "/api/deliberation/meetings/" + meetingId + "/registrations", null, DevTokens.resident(r)));
        ObjectNode vote = ((ObjectNode) parking.get("vote").deepCopy())
                .put("closesAt", Instant.now().plus(Duration.ofDays(7)).toString());
        String voteId = api.call("POST", requests, "/api/deliberation/topics/" + parkingId + "/votes", vote, worker)
                .path("body").path("vote").path("id").asText();
        for (JsonNode ballot : parking.get("ballots")) {
            api.call("POST", requests, "/api/deliberation/votes/" + voteId + "/ballots",
                    JSON.createObjectNode().put("choice", ballot.get("choice").asText()),
                    DevTokens.resident(ballot.get("resident").asText()));
        }

        // the corridor clean-up: decided, and its action item carried out by the alliance
        JsonNode corridor = data.get("corridor");
        String corridorId = api.call("POST", requests, "/api/deliberation/topics", corridor.get("topic"),
                DevTokens.resident(residents.get(5))).path("body").path("id").asText();
        JsonNode decided = api.call("POST", requests, "/api/deliberation/topics/" + corridorId + "/decision",
                corridor.get("decision"), worker);
        String actionRequest = decided.path("body").path("decision").path("actionItems").path(0)
                .path("requestId").asText();
        if (!actionRequest.isEmpty()) {
            carryOut(alliance, actionRequest, worker);
        }
    }

    /** The parties acknowledge and complete the action item's tasks, as they would through their own screens. */
    private void carryOut(URI alliance, String requestId, String worker) {
        JsonNode tasks = DemoPolls.until(Duration.ofSeconds(30), () -> api.call("GET", alliance,
                "/api/tasks?requestId=" + requestId, null, worker).path("body").path("items"), t -> t.size() > 0);
        if (tasks == null || tasks.size() == 0) {
            LOG.warning("the corridor clean-up's tasks did not appear; the demo leaves it in progress");
            return;
        }
        ObjectNode note = JSON.createObjectNode().put("note", "楼道已清理完毕 — corridors cleared with the residents");
        for (JsonNode task : tasks) {
            String id = task.get("id").asText();
            api.call("POST", alliance, "/api/tasks/" + id + "/acknowledge", note, worker);
            api.call("POST", alliance, "/api/tasks/" + id + "/complete", note, worker);
        }
    }
}
