package org.gongzhi.alliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One token cannot hold more open streams than its role's share, and that does not keep another caller out. */
@QuarkusTest
@TestProfile(StreamShareTest.TwoStreamsPerPartner.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "alliance"))
class StreamShareTest {
    /** The limits on (the module's other tests run without them), with a partner's stream share made small. */
    public static class TwoStreamsPerPartner implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gongzhi.limits.enabled", "true", "gongzhi.limits.roles.partner.streams", "2");
        }
    }

    @TestHTTPResource("/api/partners/me/feed")
    URI feed;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<HttpResponse<Stream<String>>> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(response -> response.body().close());
    }

    /** Opens the feed as a partner's client would and keeps it open; the answer's status once its headers came. */
    private int openFeed(String token) throws Exception {
        HttpResponse<Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(feed)
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                        .header("Last-Event-ID", "0").build(), HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS);
        open.add(response);
        return response.statusCode();
    }

    @Test
    void aPartnerBeyondItsStreamShareGets429WhileAnotherPartnerStillConnects() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String flooder = DevTokens.partner("flood-" + suffix);
        assertThat(openFeed(flooder)).isEqualTo(200);
        assertThat(openFeed(flooder)).isEqualTo(200);

        given().auth().oauth2(flooder).accept("text/event-stream").header("Last-Event-ID", "0")
                .get("/api/partners/me/feed")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "5")
                .body("status", equalTo(429)).body("detail", containsString("2 streams open"));

        assertThat(openFeed(DevTokens.partner("other-" + suffix))).as("another partner").isEqualTo(200);

        // closing one of its streams gives the flooder its share back
        open.get(0).body().close();
        await().atMost(Duration.ofSeconds(30)).until(() -> openFeed(flooder) == 200);
    }
}
