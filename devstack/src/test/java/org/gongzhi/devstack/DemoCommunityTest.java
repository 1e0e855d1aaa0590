package org.gongzhi.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DemoCommunityTest {
    @Test
    void theEstateHas32BuildingsOnAnEightByFourGrid() {
        List<com.fasterxml.jackson.databind.node.ObjectNode> buildings = DemoCommunity.read().buildings();
        assertEquals(32, buildings.size());
        Set<String> cells = new HashSet<>();
        for (JsonNode b : buildings) {
            assertEquals(b.get("code").asText() + "号楼", b.get("name").asText());
            assertEquals(6, b.get("floors").asInt());
            assertTrue(b.get("gridX").asInt() >= 0 && b.get("gridX").asInt() <= 7);
            assertTrue(b.get("gridY").asInt() >= 0 && b.get("gridY").asInt() <= 3);
            cells.add(b.get("gridX") + "," + b.get("gridY"));
            assertEquals(3, b.get("units").size());
            for (JsonNode unit : b.get("units")) {
                assertEquals(12, unit.get("households").size());
                for (JsonNode h : unit.get("households")) {
                    double area = h.get("floorArea").asDouble();
                    assertTrue(area >= 45 && area <= 90, "floor area " + area);
                }
            }
        }
        assertEquals(32, cells.size());
    }

    @Test
    void theAllianceTeamsAndRiskPointsAreAllThere() {
        DemoCommunity demo = DemoCommunity.read();
        assertEquals(Set.of("office", "police", "property", "power", "water", "school", "social"),
                ids(demo.section("organisations")));
        assertEquals(15, count(demo.section("volunteers"), "6070"));
        assertEquals(6, count(demo.section("volunteers"), "youth"));
        assertEquals(5, demo.section("riskPoints").size());
        JsonNode waterLeak = StreamSupport.stream(demo.section("routingRules").spliterator(), false)
                .filter(r -> r.get("category").asText().equals("water-leak")).findFirst().orElseThrow();
        assertEquals("property", waterLeak.get("lead").asText());
        assertEquals("water", waterLeak.get("supporting").get(0).asText());
    }

    @Test
    void loadingSkipsEndpointsAServiceDoesNotHaveAndTakesConflictsAsDone() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Set<String> authorisations = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.computeIfAbsent(exchange.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
            // a resident files their own request in the app; everything else is the community's, with the token given
            if (exchange.getRequestMethod().equals("POST") && !path.equals("/api/requests")) {
                authorisations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            exchange.getRequestBody().readAllBytes();
            int status = switch (path) {
                case "/api/organisations" -> 409;
                case "/api/volunteers", "/api/deliberation/topics" -> 404;
                // services whose copy of the estate registry cannot be read: the loader does not wait for it
                case "/api/buildings", "/api/routing-rules/estate" -> 404;
                default -> 201;
            };
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://localhost:" + server.getAddress().getPort());
            DemoCommunity.load(Map.of("request-service", base, "alliance-service", base, "volunteer-service", base),
                    "token");
        } finally {
            server.stop(0);
        }
        assertEquals(Set.of("Bearer token"), authorisations);
        assertEquals(32, calls.get("POST /api/estate/buildings").get());
        assertEquals(7, calls.get("POST /api/organisations").get());
        assertEquals(5, calls.get("POST /api/risk-points").get());
        assertEquals(1, calls.get("PUT /api/estate/places/north-gate").get(), "the named places are the registry's");
        assertEquals(2, calls.get("POST /api/teams").get());
        assertEquals(1, calls.get("POST /api/volunteers").get(), "a 404 endpoint is tried once, then skipped");
        assertEquals(null, calls.get("POST /api/buildings"), "the estate reaches the volunteers through its topic");
        assertEquals(1, calls.get("GET /api/routing-rules/estate").get(), "the alliance's copy of the estate is waited for");
        assertEquals(42, calls.get("POST /api/request-imports").get(), "two weeks of history, three a day");
    }

    @Test
    void theDayIsLoadedByNaturalKeysSoASecondLoadAddsNothing() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            calls.computeIfAbsent(call, k -> new AtomicInteger()).incrementAndGet();
            if (call.equals("POST /api/requests")) {
                keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            }
            exchange.getRequestBody().readAllBytes();
            // the second load: the history is imported already, one household is flagged already
            int status = call.equals("POST /api/request-imports") ? 409 : 201;
            // the volunteers' copy of the estate registry has the last building: the loader goes on
            byte[] body = (call.equals("GET /api/households")
                    ? "[{\"building\": \"3\", \"unit\": \"1\", \"door\": \"101\"}]"
                    : call.equals("GET /api/buildings") ? "[{\"code\": \"32\", \"gridX\": 7, \"gridY\": 3}]" : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(call.startsWith("GET") ? 200 : status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://localhost:" + server.getAddress().getPort());
            DemoCommunity.load(Map.of("request-service", base, "volunteer-service", base,
                    "notification-service", base), DevTokens.admin());
        } finally {
            server.stop(0);
        }
        JsonNode day = DemoCommunity.read().section("day");
        assertEquals(day.get("open").size(), keys.size(), "every open request has its own Idempotency-Key");
        assertTrue(keys.stream().allMatch(k -> k != null && k.startsWith("demo-day-")), keys.toString());
        assertEquals(day.get("households").size() - 1, calls.get("POST /api/households").get(),
                "a household flagged already is not flagged again");
        assertEquals(day.get("warnedResidents").size(), calls.get("PUT /api/notices/me/preferences").get());
    }

    private static Set<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("id").asText())
                .collect(Collectors.toSet());
    }

    private static long count(JsonNode volunteers, String team) {
        return StreamSupport.stream(volunteers.spliterator(), false)
                .filter(v -> v.get("team").asText().equals(team)).count();
    }
}
