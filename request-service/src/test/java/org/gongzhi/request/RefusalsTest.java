package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongzhi.devstack.DevTokens;
import org.gongzhi.devstack.DevstackResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a careful stranger gets when pushing at the edges: a clean refusal in plain words, never a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class RefusalsTest {

    @BeforeEach
    void estate() {
        Fixtures.building("7");
    }

    @Test
    void aPageBeyondTheBoundIs400NamingPageNotAnOverflow() {
        for (String path : List.of("/api/requests", "/api/audit")) {
            given().auth().oauth2(DevTokens.admin()).queryParam("page", "21474837").queryParam("size", "100")
                    .get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("page")))
                    .body("detail", equalTo("page: must be less than or equal to 10000"));
        }
        given().auth().oauth2(DevTokens.worker()).queryParam("page", "10000").queryParam("size", "200")
                .get("/api/requests").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void refusalsSayWhatIsWrongWithoutClassNames() {
        given().auth().oauth2(DevTokens.worker()).queryParam("status", "BOGUS").get("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("status: 'BOGUS' is not one of SUBMITTED, ACKNOWLEDGED,"))
                .body("detail", not(containsString("org.gongzhi")))
                .body("errors.field", equalTo(List.of("status")));
        given().auth().oauth2(DevTokens.worker()).queryParam("createdFrom", "yesterday").get("/api/requests")
                .then().statusCode(400)
                .body("detail", equalTo("createdFrom: 'yesterday' is not a date-time such as 2026-12-05T09:00:00Z"));
        given().auth().oauth2(DevTokens.worker()).queryParam("overdue", "maybe").get("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("overdue: 'maybe' is not true or false"))
                .body("errors.field", equalTo(List.of("overdue")));
        given().auth().oauth2(DevTokens.worker()).queryParam("overdue", "true").get("/api/requests")
                .then().statusCode(200);
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("[1, 2]").post("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("org.gongzhi"))).body("detail", not(containsString("`")));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON)
                .body("{\"category\": \"noise\", \"description\": \"loud\", \"building\": \"7\", "
                        + "\"hotlineDeadline\": \"tomorrow\"}").post("/api/requests")
                .then().statusCode(400)
                .body("detail", equalTo("hotlineDeadline: must be a date-time such as 2026-12-05T09:00:00Z"))
                .body("errors.field", equalTo(List.of("hotlineDeadline")));
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body("{\"category\": ")
                .post("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The body is not valid JSON (line 1, column 14)."));
    }

    @Test
    void underscoreAndPercentInTheTextFilterAreCharactersNotWildcards() {
        String resident = DevTokens.resident("filter-" + UUID.randomUUID());
        List<String> ids = new java.util.ArrayList<>();
        for (String text : List.of("电梯_坏了 100% 停", "电梯坏了不停")) {
            ids.add(given().auth().oauth2(resident).contentType(ContentType.JSON)
                    .body(Map.of("category", "lift-fault", "description", text, "building", "7"))
                    .post("/api/requests").then().statusCode(201).extract().path("id"));
        }
        given().auth().oauth2(resident).queryParam("q", "_").get("/api/requests").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(ids.get(0)));
        given().auth().oauth2(resident).queryParam("q", "0%").get("/api/requests").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(resident).queryParam("q", "%").get("/api/requests").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(resident).queryParam("q", "电梯").get("/api/requests").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void aTokenWithoutACommunityIsRefused401() {
        String absent = io.smallrye.jwt.build.Jwt.issuer(DevTokens.ISSUER).subject("worker-nowhere")
                .groups(java.util.Set.of("worker")).expiresIn(600).jws().keyId("devstack")
                .sign("org/gongzhi/devstack/dev-private-key.pem");
        String blank = DevTokens.token("worker", "worker-nowhere", Map.of("community", " "));
        for (String token : List.of(absent, blank)) {
            given().auth().oauth2(token).get("/api/requests")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("detail", equalTo("The token names no community (claim 'community'); ask for a token "
                            + "that does."));
        }
    }

    @Test
    void contactOfARequestThePartnerCannotSeeIs404LikeAnUnknownOne() {
        String id = Tracks.leakBy(DevTokens.resident("r-" + UUID.randomUUID()));
        given().auth().oauth2(DevTokens.partner("police")).get("/api/requests/" + id + "/contact")
                .then().statusCode(404).body("detail", equalTo("request " + id + " does not exist"));
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(DevTokens.partner("police")).get("/api/requests/" + unknown + "/contact")
                .then().statusCode(404).body("detail", equalTo("request " + unknown + " does not exist"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedAt413ProblemBeforeItIsRead() {
        byte[] large = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(large).post("/api/requests")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("The body is larger than the 1 MiB this service takes; nothing was read or "
                        + "changed."));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (var response : List.of(given().get("/api/categories"), given().get("/api/requests"),
                given().get("/q/swagger-ui/"))) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        }
        given().get("/api/categories").then()
                .header("Content-Security-Policy", startsWith("default-src 'self'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void metricsAndTheFullHealthReportNeedTheOperationsRoleWhileProbesStayOpen() {
        given().get("/q/metrics").then().statusCode(401);
        given().auth().oauth2(DevTokens.resident("r-" + UUID.randomUUID())).get("/q/metrics").then().statusCode(403);
        given().auth().oauth2(DevTokens.admin()).get("/q/metrics").then().statusCode(200)
                .body(containsString("gongzhi_admission"));
        given().get("/q/health").then().statusCode(401);
        given().auth().oauth2(DevTokens.admin()).get("/q/health").then().statusCode(200)
                .body("checks.name", hasItem(not(emptyOrNullString())));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
