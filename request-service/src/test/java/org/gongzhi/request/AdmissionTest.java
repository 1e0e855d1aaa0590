package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.platform.api.Admission;
import org.junit.jupiter.api.Test;

/**
 * More writes than the service takes at once are refused at the door with 503 and Retry-After, and nothing of them is
 * stored; those admitted complete; reads go on meanwhile. The writes are held in flight by a lock on the requests
 * table, as a slow or saturated database would hold them.
 */
@QuarkusTest
@TestProfile(AdmissionTest.TwoWritesAtOnce.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class AdmissionTest {
    private static final String BODY = "{\"category\": \"noise\", \"description\": \"%s\", \"building\": \"7\"}";

    public static class TwoWritesAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongzhi.admission.max-writes-in-flight", "2");
        }
    }

    @Inject
    Admission admission;

    @Test
    void aWriteBeyondTheLimitIs503AtOnceAndTheAdmittedOnesComplete() throws Exception {
        Fixtures.building("7");
        var stack = DevstackResource.stack();
        List<CompletableFuture<Integer>> held;
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("requests"), stack.username(), stack.password());
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("lock table resident_request in share mode");
            held = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(() -> post("held " + i)))
                    .toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> admission.inFlight() == 2);

            // answered while the two are still held (a write let in would wait on the lock until the timeout fails it)
            CompletableFuture.runAsync(() -> given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                    .body(BODY.formatted("refused")).post("/api/requests")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                    .body("status", equalTo(503)).body("detail", containsString("2 in progress")))
                    .get(10, TimeUnit.SECONDS);
            // reads are not held back
            given().auth().oauth2(DevTokens.worker()).get("/api/requests").then().statusCode(200);
            assertThat(held).noneMatch(CompletableFuture::isDone);
            c.rollback();
        }
        assertThat(held.stream().map(CompletableFuture::join)).containsExactly(201, 201);
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.inFlight() == 0);
        assertThat(Fixtures.count("select count(*) from resident_request where description = 'refused'")).isZero();
        assertThat(post("after")).isEqualTo(201);
    }

    private static int post(String description) {
        return given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body(BODY.formatted(description)).post("/api/requests").then().extract().statusCode();
    }
}
