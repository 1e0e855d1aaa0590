package org.gongzhi.request.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.Test;

/**
 * One resident floods intake (2,000 writes, 100 at a time, over loopback) while another caller files requests one
 * after another: the flooder gets its share and 429s with Retry-After; the other caller's latency stays near what it
 * was before the flood. The numbers are printed for docs/security.md.
 */
@QuarkusTest
@TestProfile(FairShareTest.LimitsOn.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class FairShareTest {
    private static final String LEAK = """
            {"category": "water-leak", "description": "Water drips from the bathroom ceiling", "building": "%s"}""";

    /** The production limits (the module's other tests run without them). */
    public static class LimitsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongzhi.limits.enabled", "true");
        }
    }

    @TestHTTPResource("/")
    URI base;

    /** The flooder's client, and the other caller's own: they share the service, not a client's threads. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final HttpClient otherClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aFloodingResidentGets429sWhileAnotherCallersLatencyStaysNearNormal() throws Exception {
        String building = "fs" + UUID.randomUUID().toString().substring(0, 6);
        registerBuilding(building);
        String other = DevTokens.worker();
        // warm up the path, then the other caller's latency before the flood
        for (int i = 0; i < 20; i++) {
            post(other, building);
        }
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            before.add(timed(other, building));
        }

        String flooder = DevTokens.resident("flooder-" + UUID.randomUUID());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> during = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(100);
        long started = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sends.add(pool.submit(() -> {
                HttpResponse<String> response = send(flooder, building);
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() == 429 && (response.headers().firstValue("Retry-After").isEmpty()
                        || !response.headers().firstValue("Content-Type").orElse("")
                                .startsWith("application/problem+json"))) {
                    withoutRetryAfter.incrementAndGet();
                }
                return null;
            }));
        }
        Thread measuring = new Thread(() -> {
            while (flooding.get()) {
                during.add(timed(other, building));
            }
        }, "other-caller");
        measuring.start();
        for (Future<?> f : sends) {
            f.get();
        }
        double floodSeconds = (System.nanoTime() - started) / 1e9;
        flooding.set(false);
        measuring.join();
        pool.shutdown();

        int accepted = count(statuses, 201);
        int limited = count(statuses, 429);
        System.out.printf("fair share: flood of 2000 writes, 100 at a time, took %.1f s: %d accepted (201), %d "
                        + "refused (429), other statuses %s; the other caller's p50/p99 %d/%d ms before, %d/%d ms "
                        + "during (%d requests)%n", floodSeconds, accepted, limited, statuses, percentile(before, 50),
                percentile(before, 99), percentile(during, 50), percentile(during, 99), during.size());

        assertThat(accepted + limited).as("every write is answered 201 or 429: %s", statuses).isEqualTo(2000);
        // a resident's share: bursts of 10, then 2 a second
        assertThat(accepted).isBetween(10, 10 + (int) Math.ceil(floodSeconds * 2) + 1);
        assertThat(withoutRetryAfter).hasValue(0);
        assertThat(during).isNotEmpty();
        // near normal: the flood used to take p50 from ~10 ms to 2.7 s
        assertThat(percentile(during, 50)).isLessThanOrEqualTo(Math.max(100, 4 * percentile(before, 50)));
    }

    private void registerBuilding(String code) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/estate/buildings"))
                .header("Authorization", "Bearer " + DevTokens.worker()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"code": "%s", "name": "%s", "floors": 6, "gridX": 1, "gridY": 0,
                         "units": [{"code": "1", "households": [{"code": "101", "floorArea": 62.5}]}]}"""
                        .formatted(code, code))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private long timed(String token, String building) {
        long start = System.nanoTime();
        HttpResponse<String> r = send(otherClient, token, building);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void post(String token, String building) {
        assertThat(send(otherClient, token, building).statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> send(String token, String building) {
        return send(http, token, building);
    }

    private HttpResponse<String> send(HttpClient client, String token, String building) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve("/api/requests"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(LEAK.formatted(building))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(Map<Integer, AtomicInteger> statuses, int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0
                * sorted.size()) - 1));
    }
}
