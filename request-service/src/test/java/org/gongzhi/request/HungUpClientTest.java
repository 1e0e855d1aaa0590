package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.platform.api.Admission;
import org.junit.jupiter.api.Test;

/**
 * A resident presses "submit" and the phone loses its signal before the answer comes: the request is filed all the
 * same, once — the write is not abandoned halfway because the caller hung up (and the retry with the same
 * Idempotency-Key gets it back). A write abandoned mid-transaction is also how Hibernate Reactive can keep a
 * connection from the pool (quarkus#51576), so a service under a surge would lose its connections one by one.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class HungUpClientTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Admission admission;

    @Test
    void aRequestWhoseCallerHungUpMidwayIsFiledOnceAndTheRetryGetsItBack() throws Exception {
        Fixtures.building("7");
        String key = UUID.randomUUID().toString();
        String resident = DevTokens.resident("resident-" + UUID.randomUUID());
        String body = """
                {"category": "water-leak", "description": "漏水，信号不好 %s", "building": "7", "unit": "1",
                 "household": "101"}""".formatted(key);
        var stack = DevstackResource.stack();
        try (Connection withdrawing = DriverManager.getConnection(stack.jdbcUrl("requests"), stack.username(),
                stack.password())) {
            // the request's transaction waits at the category's lock (a withdrawal being decided), so it is surely
            // under way when the caller hangs up
            withdrawing.setAutoCommit(false);
            try (var s = withdrawing.createStatement()) {
                s.execute("select pg_advisory_xact_lock(24, hashtext('hepingli/water-leak'))");
            }
            try (Socket phone = new Socket(root.getHost(), root.getPort())) {
                byte[] json = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = phone.getOutputStream();
                out.write(("POST /api/requests HTTP/1.1\r\nHost: " + root.getHost() + "\r\nAuthorization: Bearer "
                        + resident + "\r\nIdempotency-Key: " + key + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(json);
                out.flush();
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count(
                        "select count(*) from pg_locks where locktype = 'advisory' and not granted") > 0);
            }
            // the service has seen the connection go (the write no longer counts as in flight)
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> admission.inFlight() == 0);
            withdrawing.commit();
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count(
                "select count(*) from resident_request where idempotency_key = '" + key + "'") == 1);
        String id = given().auth().oauth2(resident).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/requests").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");
        assertThat(Fixtures.count("select count(*) from resident_request where idempotency_key = '" + key + "'"))
                .isEqualTo(1);
        assertThat(Fixtures.count("select count(*) from outbox_event where event_key = '" + id + "'")).isEqualTo(1);
    }
}
