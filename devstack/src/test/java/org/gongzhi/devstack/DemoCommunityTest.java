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
            if (exchange.getRequestMethod().equals("POST")) {
                authorisations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            exchange.getRequestBody().readAllBytes();
            int status = switch (path) {
                case "/api/organisations" -> 409;
                case "/api/volunteers", "/api/deliberation/topics" -> 404;
                case "/api/buildings" -> 405;
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
        assertEquals(2, calls.get("POST /api/teams").get());
        assertEquals(1, calls.get("POST /api/volunteers").get(), "a 404 endpoint is tried once, then skipped");
        assertEquals(1, calls.get("POST /api/buildings").get(), "a 405 endpoint is tried once, then skipped");
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
