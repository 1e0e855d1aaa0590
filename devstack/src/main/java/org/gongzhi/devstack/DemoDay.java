package org.gongzhi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A believable day in the demo community, through the services' own APIs: two weeks of finished requests imported
 * from the office's paper register and the 12345 platform (so the three rates and their trend have values, and some
 * return visits are due), today's open requests (two 12345 tickets received yesterday and this morning, late and soon
 * escalated by the alliance; a leak reported twice, to merge), flagged vulnerable households and residents opted in
 * to warnings; and work under way, done through the alliance's task API as a partner would (a noise complaint being
 * worked on, a handrail fixed and waiting for its return visit, a dispute the resident said was not settled, reopened).
 * Every write has a natural key, so a second load adds nothing: an imported record's reference (409), a request's
 * Idempotency-Key (replayed), a household's door (looked up first), a resident's preferences (PUT), and work is done
 * only on a request still ASSIGNED.
 */
final class DemoDay {
    private static final Logger LOG = Logger.getLogger(DemoDay.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CATEGORIES = {"water-leak", "noise", "broken-handrail", "blocked-drain",
        "lift-fault"};
    private static final String[] DESCRIPTIONS = {"卫生间顶棚漏水", "夜间楼上噪音扰民", "楼梯扶手松动", "楼下下水道堵塞",
        "电梯停在三层不动"};

    /** One call to a service, with an Idempotency-Key when not null; answers the status and the parsed body. */
    interface Api {
        JsonNode call(String method, URI base, String path, JsonNode body, String token, String idempotencyKey);

        default JsonNode call(String method, URI base, String path, JsonNode body, String token) {
            return call(method, base, path, body, token, null);
        }
    }

    private final Api api;
    private final Instant now;

    DemoDay(Api api, Instant now) {
        this.api = api;
        this.now = now.truncatedTo(ChronoUnit.MINUTES);
    }

    /** {@code worker}: a worker's or an admin's token for the community's own writes. */
    void load(URI requests, URI alliance, URI volunteers, URI notifications, JsonNode day, String worker) {
        if (requests != null) {
            history(requests, worker, day.path("historyPerDay").asInt(3));
            Map<String, String> working = new LinkedHashMap<>();
            for (JsonNode open : day.get("open")) {
                String id = submit(requests, worker, open);
                if (open.has("work") && id != null) {
                    working.put(id, open.get("work").asText());
                }
            }
            if (alliance != null) {
                working.forEach((id, work) -> work(requests, alliance, worker, id, work));
            }
        }
        if (volunteers != null) {
            households(volunteers, worker, day.get("households"));
        }
        if (notifications != null) {
            for (JsonNode resident : day.get("warnedResidents")) {
                ObjectNode preferences = JSON.createObjectNode().put("language", "zh-CN").put("sms", false)
                        .put("email", false).put("warnings", true);
                expect(api.call("PUT", notifications, "/api/notices/me/preferences", preferences,
                        DevTokens.resident(resident.asText())), "preferences of " + resident.asText());
            }
        }
    }

    /**
     * Fourteen days of finished requests, a few a day: most answered within the hour and resolved the next day,
     * some late; a return visit two days after resolution (one in seven not satisfied), every fifth still due.
     */
    private void history(URI requests, String worker, int perDay) {
        int n = 0;
        for (int daysAgo = 14; daysAgo >= 1; daysAgo--) {
            for (int i = 0; i < perDay; i++) {
                n++;
                Instant received = now.minus(Duration.ofDays(daysAgo)).truncatedTo(ChronoUnit.HOURS)
                        .minus(Duration.ofHours(2L + i * 3L));
                boolean slow = n % 6 == 0;
                Instant responded = received.plus(slow ? Duration.ofHours(5) : Duration.ofMinutes(20L + n % 30));
                Instant resolved = responded.plus(slow || n % 4 == 0 ? Duration.ofDays(3) : Duration.ofHours(20));
                if (resolved.isAfter(now)) {
                    resolved = responded.plus(Duration.ofHours(2));
                }
                boolean hotline = n % 3 == 0;
                String category = CATEGORIES[n % CATEGORIES.length];
                ObjectNode past = JSON.createObjectNode()
                        .put("source", hotline ? "hotline-12345" : "paper-register")
                        .put("reference", (hotline ? "BJ12345-DEMO-" : "HPL-REG-") + String.format("%03d", n))
                        .put("category", category).put("description", DESCRIPTIONS[n % DESCRIPTIONS.length])
                        .put("building", String.valueOf(1 + (n * 7) % 32)).put("unit", String.valueOf(1 + n % 3))
                        .put("household", (1 + n % 6) + "0" + (1 + n % 2))
                        .put("channel", hotline ? "hotline-12345" : n % 2 == 0 ? "phone" : "walk-in")
                        .put("receivedAt", received.toString()).put("respondedAt", responded.toString())
                        .put("resolvedAt", resolved.toString());
                Instant visited = resolved.plus(Duration.ofDays(2));
                if (n % 5 != 0 && visited.isBefore(now)) {
                    boolean satisfied = n % 7 != 0;
                    past.putObject("returnVisit").put("method", n % 2 == 0 ? "phone" : "door").put("solved", true)
                            .put("satisfied", satisfied)
                            .put("comment", satisfied ? "已解决，满意" : "解决了，但拖得太久")
                            .put("visitedAt", visited.toString());
                }
                JsonNode answer = api.call("POST", requests, "/api/request-imports", past, worker);
                int status = answer.path("status").asInt();
                if (status == 409) {
                    continue; // imported by an earlier load
                }
                expect(answer, "history record " + past.get("reference").asText());
            }
        }
    }

    /** An open request; its Idempotency-Key makes a second load get the first one back. Answers its id. */
    private String submit(URI requests, String worker, JsonNode open) {
        ObjectNode body = ((ObjectNode) open.get("request").deepCopy());
        if (open.has("receivedHoursAgo")) {
            body.put("receivedAt", now.minus(Duration.ofHours(open.get("receivedHoursAgo").asLong())).toString());
        }
        String token = open.has("resident") ? DevTokens.resident(open.get("resident").asText()) : worker;
        JsonNode answer = api.call("POST", requests, "/api/requests", body, token, "demo-day-" + open.get("key").asText());
        expect(answer, "request " + open.get("key").asText());
        return answer.path("body").path("id").asText(null);
    }

    /**
     * Work on a request as its parties would: {@code started} (every task acknowledged, progress reported),
     * {@code resolved} (every task completed: the return visit is due) or {@code reopened} (resolved, then the return
     * visit found it not solved). Done once: only while the request is still ASSIGNED. A step the services take longer
     * than a minute to follow is left with a warning; the demo day is not worth failing the start for.
     */
    private void work(URI requests, URI alliance, String worker, String id, String work) {
        Supplier<JsonNode> read = () -> api.call("GET", requests, "/api/requests/" + id, null, worker).path("body");
        JsonNode request = DemoPolls.until(Duration.ofMinutes(1), read, r -> !Set.of("SUBMITTED", "ACKNOWLEDGED")
                .contains(r.path("status").asText()));
        if (request == null || !"ASSIGNED".equals(request.path("status").asText())) {
            return; // worked on by an earlier load (or routed nowhere)
        }
        JsonNode tasks = api.call("GET", alliance, "/api/tasks?requestId=" + id + "&open=true&size=20", null, worker)
                .path("body").path("items");
        for (JsonNode task : tasks) {
            String path = "/api/tasks/" + task.get("id").asText();
            ObjectNode note = JSON.createObjectNode().put("note", work.equals("started") ? "已联系住户，今晚上门查看"
                    : "已处理完毕");
            if ("ASSIGNED".equals(task.path("status").asText())) {
                expect(api.call("POST", alliance, path + "/acknowledge", JSON.createObjectNode(), worker), "acknowledge");
            }
            expect(api.call("POST", alliance, path + "/progress", note, worker), "progress");
            if (!work.equals("started")) {
                expect(api.call("POST", alliance, path + "/complete", note, worker), "complete");
            }
        }
        if (work.equals("reopened")) {
            JsonNode resolved = DemoPolls.until(Duration.ofMinutes(1), read,
                    r -> "RESOLVED".equals(r.path("status").asText()));
            if (resolved == null) {
                LOG.warning("demo data: request " + id + " did not become RESOLVED; not reopened");
                return;
            }
            ObjectNode visit = JSON.createObjectNode().put("method", "phone").put("solved", false)
                    .put("satisfied", false).put("comment", "居民说楼上还在往下滴水，矛盾没解决");
            expect(api.call("POST", requests, "/api/requests/" + id + "/follow-ups", visit, worker), "return visit");
        }
    }

    /** Households flagged once: one already flagged at the same door is left as it is. */
    private void households(URI volunteers, String worker, JsonNode households) {
        JsonNode flagged = api.call("GET", volunteers, "/api/households", null, worker).path("body");
        Set<String> doors = new HashSet<>();
        flagged.forEach(h -> doors.add(door(h)));
        for (JsonNode h : households) {
            if (doors.add(door(h))) {
                expect(api.call("POST", volunteers, "/api/households", h, worker), "household " + door(h));
            }
        }
    }

    private static String door(JsonNode h) {
        return h.path("building").asText() + "-" + h.path("unit").asText() + "-" + h.path("door").asText();
    }

    private static void expect(JsonNode answer, String what) {
        int status = answer.path("status").asInt();
        if (status == 404 || status == 405) {
            LOG.warning("demo data skipped: " + what + " answered " + status);
        } else if (status / 100 != 2) {
            throw new IllegalStateException("demo data refused: " + what + ": " + status + " " + answer.path("body"));
        }
    }
}
