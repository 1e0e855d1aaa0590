package org.gongzhi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The demo community, an old estate like the one in DESIGN.md, loaded through the services' own APIs. All its data
 * is in {@code demo-community.json}; loading twice adds nothing: each kind of thing has a natural key the services keep
 * (409 counts as already there), and the day's requests ({@link DemoDay}) carry theirs.
 */
public final class DemoCommunity {
    private static final Logger LOG = Logger.getLogger(DemoCommunity.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * The demo data are a service's first calls, served by code not yet compiled and classes not yet loaded: on a busy
     * machine 10 s was too little (it timed out while tests ran beside).
     */
    private static final Duration FIRST_CALLS = Duration.ofSeconds(30);

    private final JsonNode data;

    private DemoCommunity(JsonNode data) {
        this.data = data;
    }

    /** The first demo community, 和平里 (Hepingli). */
    public static DemoCommunity read() {
        return read("demo-community.json");
    }

    /** The second demo community under the same sub-district, 青年湖 (Qingnianhu): a smaller estate, its own office. */
    public static DemoCommunity second() {
        return read("demo-community-qingnianhu.json");
    }

    private static DemoCommunity read(String resource) {
        try (InputStream in = DemoCommunity.class.getResourceAsStream(resource)) {
            return new DemoCommunity(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The buildings of the estate as the request-service API takes them. */
    public List<ObjectNode> buildings() {
        JsonNode estate = data.get("estate");
        int columns = estate.get("columns").asInt();
        int floors = estate.get("floors").asInt();
        List<ObjectNode> buildings = new ArrayList<>();
        for (int n = 1; n <= estate.get("buildings").asInt(); n++) {
            ObjectNode b = JSON.createObjectNode().put("code", String.valueOf(n)).put("name", n + "号楼")
                    .put("floors", floors).put("gridX", (n - 1) % columns).put("gridY", (n - 1) / columns);
            ArrayNode units = b.putArray("units");
            for (int u = 1; u <= estate.get("units").asInt(); u++) {
                ObjectNode unit = units.addObject().put("code", String.valueOf(u));
                ArrayNode households = unit.putArray("households");
                for (int f = 1; f <= floors; f++) {
                    for (int h = 1; h <= estate.get("householdsPerFloor").asInt(); h++) {
                        int area = 45 + Math.floorMod(n * 31 + u * 17 + f * 7 + h * 13, 46);
                        households.addObject().put("code", f + "0" + h).put("floorArea", BigDecimal.valueOf(area));
                    }
                }
            }
            buildings.add(b);
        }
        return buildings;
    }

    public JsonNode section(String name) {
        return data.get(name);
    }

    /** The community's id, which its tokens name (claim {@code community}). */
    public String communityId() {
        return data.get("community").get("id").asText();
    }

    /**
     * Loads everything into the services at the given base URLs, keyed by module name ({@code request-service},
     * {@code alliance-service}, {@code volunteer-service}, {@code notification-service}); a missing key skips that
     * service's part. An endpoint a service does not have (yet, 404/405) is skipped with a warning; 201 and 409
     * (already there) both count as success, so loading twice is harmless.
     */
    public static void load(Map<String, URI> serviceBaseUrls, String token) {
        Map<ServiceProcess.Service, URI> services = new java.util.EnumMap<>(ServiceProcess.Service.class);
        for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
            URI uri = serviceBaseUrls.get(service.module);
            if (uri != null) {
                services.put(service, uri);
            }
        }
        read().loadInto(services, token);
    }

    /** Loads everything; an endpoint a service does not have (yet) is skipped with a warning. */
    public void loadInto(Map<ServiceProcess.Service, URI> services, String token) {
        URI requests = services.get(ServiceProcess.Service.REQUEST);
        URI alliance = services.get(ServiceProcess.Service.ALLIANCE);
        URI volunteers = services.get(ServiceProcess.Service.VOLUNTEER);
        registerCommunity(requests, token);
        List<ObjectNode> buildings = buildings();
        for (ObjectNode building : buildings) {
            post(requests, "/api/estate/buildings", building, token);
        }
        List<String> places = new ArrayList<>();
        data.path("places").forEach(p -> {
            if (registerPlace(requests, p, token)) {
                places.add(p.get("code").asText());
            }
        });
        // the estate reaches the alliance and volunteers through the registry's topics, not through their APIs
        if (requests != null) {
            String last = buildings.get(buildings.size() - 1).get("code").asText();
            List<String> categories = new ArrayList<>();
            call("GET", requests, "/api/categories", null, token).path("body")
                    .forEach(c -> categories.add(c.path("code").asText()));
            awaitEstate(alliance, "/api/routing-rules/estate", body -> has(body.path("buildings"), last)
                    && categories.stream().allMatch(c -> has(body.path("categories"), c))
                    && places.stream().allMatch(p -> has(body.path("places"), p)), token);
            awaitEstate(volunteers, "/api/buildings", body -> {
                for (JsonNode b : body) {
                    if (b.path("code").asText().equals(last)) {
                        return true;
                    }
                }
                return false;
            }, token);
        }
        data.path("organisations").forEach(o -> post(alliance, "/api/organisations", o, token));
        data.path("routingRules").forEach(r -> post(alliance, "/api/routing-rules", r, token));
        data.path("riskPoints").forEach(r -> post(alliance, "/api/risk-points", r, token));
        data.path("teams").forEach(t -> post(volunteers, "/api/teams", t, token));
        data.path("volunteers").forEach(v -> post(volunteers, "/api/volunteers", v, token));
        if (requests != null && alliance != null && data.has("deliberation")) {
            new DemoDeliberation(this::call).load(requests, alliance, data.get("deliberation"));
        }
        new DemoDay(this::call, java.time.Instant.now()).load(requests, alliance, volunteers,
                services.get(ServiceProcess.Service.NOTIFICATION), data.get("day"), token);
    }

    /**
     * Registers the community under its sub-district in the estate registry (an admin's call; the same names again
     * change nothing). A registry without communities (404/405) is skipped with a warning.
     */
    private void registerCommunity(URI requests, String token) {
        JsonNode community = data.get("community");
        if (requests == null || !community.has("subdistrict")) {
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("name", community.get("name").asText())
                .put("nameEn", community.get("nameEn").asText());
        body.set("subdistrict", community.get("subdistrict"));
        JsonNode answer = call("PUT", requests, "/api/estate/communities/" + communityId(), body, token);
        int status = answer.path("status").asInt();
        if (status == 404 || status == 405) {
            LOG.warning("demo data skipped: the registry has no communities (" + status + ")");
        } else if (status / 100 != 2) {
            throw new IllegalStateException("demo community refused: " + status + " " + answer.path("body"));
        }
    }

    /**
     * Registers a named place of the estate (小区北门, 北广场) in the registry; the same names again change nothing. A
     * registry without places (404/405) is skipped with a warning; whether the place is there.
     */
    private boolean registerPlace(URI requests, JsonNode place, String token) {
        if (requests == null) {
            return false;
        }
        ObjectNode body = JSON.createObjectNode().put("name", place.get("name").asText())
                .put("nameEn", place.get("nameEn").asText());
        JsonNode answer = call("PUT", requests, "/api/estate/places/" + place.get("code").asText(), body, token);
        int status = answer.path("status").asInt();
        if (status == 404 || status == 405) {
            LOG.warning("demo data skipped: the registry has no named places (" + status + ")");
            return false;
        } else if (status / 100 != 2) {
            throw new IllegalStateException("demo place refused: " + status + " " + answer.path("body"));
        }
        return true;
    }

    private static boolean has(JsonNode codes, String code) {
        for (JsonNode c : codes) {
            if (c.asText().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** Waits (up to a minute) until the service's copy of the estate registry answers {@code ready}. */
    private void awaitEstate(URI base, String path, java.util.function.Predicate<JsonNode> ready, String token) {
        if (base == null) {
            return;
        }
        long end = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (true) {
            JsonNode answer = call("GET", base, path, null, token);
            if (answer.path("status").asInt() == 404) {
                LOG.warning("demo data: " + base + path + " answered 404; not waiting for its copy of the estate");
                return;
            }
            if (answer.path("status").asInt() == 200 && ready.test(answer.path("body"))) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the estate registry did not reach " + base + path + " in a minute");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The property company's webhook to its own system ({@code receiver}): its tasks and the community's warnings,
     * signed. Registered once: an endpoint of the property company with that address is left as it is.
     */
    public void registerPartnerWebhook(URI notifications, URI receiver) {
        String property = DevTokens.partner("property");
        JsonNode existing = call("GET", notifications, "/api/webhooks", null, property);
        if (existing.path("status").asInt() != 200) {
            LOG.warning("demo webhook skipped: /api/webhooks answered " + existing.path("status").asInt());
            return;
        }
        for (JsonNode endpoint : existing.path("body")) {
            if (receiver.toString().equals(endpoint.path("url").asText())) {
                return;
            }
        }
        ObjectNode webhook = JSON.createObjectNode().put("url", receiver.toString());
        webhook.putArray("eventTypes").add("gongzhi.task.assigned.v1").add("gongzhi.task.status-changed.v1")
                .add("gongzhi.task.escalated.v1").add("gongzhi.warning.issued.v1");
        JsonNode answer = call("POST", notifications, "/api/webhooks", webhook, property);
        if (answer.path("status").asInt() / 100 != 2) {
            throw new IllegalStateException("demo webhook refused: " + answer.path("status").asInt() + " "
                    + answer.path("body"));
        }
    }

    /** One call to a service; answers the status and the parsed body (null when empty). */
    JsonNode call(String method, URI base, String path, JsonNode body, String token) {
        return call(method, base, path, body, token, null);
    }

    /** As above, with an Idempotency-Key when not null. */
    JsonNode call(String method, URI base, String path, JsonNode body, String token, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(FIRST_CALLS)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ObjectNode answer = JSON.createObjectNode().put("status", response.statusCode());
            if (!response.body().isBlank()) {
                answer.set("body", JSON.readTree(response.body()));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("calling " + base + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final java.util.Set<String> missing = new java.util.HashSet<>();

    private void post(URI base, String path, JsonNode body, String token) {
        if (base == null || missing.contains(base + path)) {
            return;
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(FIRST_CALLS)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 404 || status == 405) {
                missing.add(base + path);
                LOG.warning("demo data skipped: " + base + path + " answered " + status);
            } else if (status != 200 && status != 201 && status != 409) {
                throw new IllegalStateException("demo data refused by " + base + path + ": " + status + " "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load demo data into " + base + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
