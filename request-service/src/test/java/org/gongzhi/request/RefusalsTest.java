package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    void aChineseReaderIsRefusedInChineseAndAnEnglishOneInPlainEnglish() {
        Map<String, Object> body = new HashMap<>(Map.of("building", "7", "contactPhone", "12345",
                "description", "厨房顶棚漏水"));
        given().auth().oauth2(DevTokens.worker()).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .contentType(ContentType.JSON).body(body).post("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .header("Content-Language", "zh-CN").header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("输入有误"))
                .body("errors.find { it.field == 'contactPhone' }.message", equalTo("须是大陆手机号或座机号"))
                .body("errors.find { it.field == 'category' }.message", equalTo("请填写"))
                .body("detail", equalTo("category：请填写；contactPhone：须是大陆手机号或座机号"));
        given().auth().oauth2(DevTokens.worker()).header("Accept-Language", "en")
                .contentType(ContentType.JSON).body(body).post("/api/requests")
                .then().statusCode(400).header("Content-Language", (String) null)
                .body("title", equalTo("Invalid input"))
                .body("errors.find { it.field == 'contactPhone' }.message",
                        equalTo("must be a mainland mobile or landline number"));
        // a missing value is "required", not the validator's "must not be null"; a refusal made in code, translated
        given().auth().oauth2(DevTokens.worker()).contentType(ContentType.JSON).body(Map.of("category", "water-leak"))
                .post("/api/request-imports").then().statusCode(400)
                .body("errors.find { it.field == 'receivedAt' }.message", equalTo("is required"));
        given().auth().oauth2(DevTokens.worker()).header("Accept-Language", "zh-CN").get("/api/requests/"
                + UUID.randomUUID()).then().statusCode(404).body("title", equalTo("未找到"))
                .body("detail", containsString("不存在"));
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
        given().auth().oauth2(DevTokens.worker()).queryParam("page", "10000").queryParam("size", "100")
                .get("/api/requests").then().statusCode(200).body("items", equalTo(List.of()));
        // the request list pages as every list does: at most 100 a page
        given().auth().oauth2(DevTokens.worker()).queryParam("size", "101").get("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("size")))
                .body("detail", equalTo("size: must be less than or equal to 100"));
        given().auth().oauth2(DevTokens.admin()).queryParam("size", "501").get("/api/audit")
                .then().statusCode(400).body("errors.field", equalTo(List.of("size")));
        given().auth().oauth2(DevTokens.admin()).queryParam("size", "500").get("/api/audit").then().statusCode(200);
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

    private record Raw(int status, Map<String, String> headers, String body) {
    }

    /**
     * POSTs {@code chunks} chunks of {@code chunkSize} bytes (a JSON document padded with spaces) with
     * {@code Transfer-Encoding: chunked} and no length, as a client streaming its body would, while reading the answer
     * as it comes: the sending stops by itself once the server closes the connection.
     */
    private static Raw postChunked(String json, int chunkSize, int chunks) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    out.write(("POST /api/requests HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + DevTokens.worker() + "\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] document = json.getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < chunks; i++) {
                        byte[] chunk = new byte[chunkSize];
                        Arrays.fill(chunk, (byte) ' ');
                        if (i == 0) {
                            System.arraycopy(document, 0, chunk, 0, document.length);
                        }
                        out.write((Integer.toHexString(chunkSize) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // the server answered and closed: the rest of the body is not wanted
                }
            });
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            int status = Integer.parseInt(line(in).split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0], 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0], 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            }
            if (status != 413) {
                sending.get(30, TimeUnit.SECONDS);
            }
            return new Raw(status, headers, body.toString(StandardCharsets.UTF_8));
        }
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new EOFException("the connection closed in the middle of a line: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAt413ProblemAndOneWithinItIsTaken() throws Exception {
        String request = """
                {"category": "water-leak", "description": "Water drips from the ceiling", "building": "7",
                 "unit": "2", "household": "201", "contactPhone": "13800138000", "channel": "app"}""";
        // 16 x 64 KiB = 1 MiB + 64 KiB, without a Content-Length: refused with words, not an empty 413
        Raw refused = postChunked(request, 64 * 1024, 17);
        assertEquals(413, refused.status());
        assertEquals("application/problem+json", refused.headers().get("content-type"));
        assertEquals("close", refused.headers().get("connection"));
        JsonPath problem = JsonPath.from(refused.body());
        assertEquals(413, problem.getInt("status"));
        assertEquals("The body is larger than the 1 MiB this service takes; the rest was not read and nothing was "
                + "changed.", problem.getString("detail"));
        // the same request, chunked but within the limit, is read and filed as usual
        Raw taken = postChunked(request, 64 * 1024, 4);
        assertEquals(201, taken.status(), taken.body());
        assertEquals("water-leak", JsonPath.from(taken.body()).getString("category"));
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
