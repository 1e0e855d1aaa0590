package org.gongzhi.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhi.devstack.DevstackResource;
import org.gongzhi.devstack.OpenApiDocument;
import org.junit.jupiter.api.Test;

/** The API document an integrator reads: every operation says what it does, shows its input and its refusals. */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "requests"))
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private record Op(String name, Map<String, Object> body) {
    }

    @SuppressWarnings("unchecked")
    private static List<Op> operations(JsonPath doc) {
        List<Op> ops = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (METHODS.contains(method)) {
                ops.add(new Op(method.toUpperCase() + " " + path, (Map<String, Object>) op));
            }
        }));
        return ops;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAnExampleForItsBodyAndItsRefusals() throws Exception {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "openapi.json"), json);
        JsonPath doc = JsonPath.from(json);
        assertThat(doc.getString("openapi")).startsWith("3.1.");
        assertThat(OpenApiDocument.problems(json)).as("problems by the OpenAPI 3.1 schema").isEmpty();
        assertThat(OpenApiDocument.unrefused(json)).as("refusals without a problem+json body").isEmpty();
        List<Op> ops = operations(doc);
        assertThat(ops).hasSizeGreaterThan(40);

        assertThat(ops).allSatisfy(op -> assertThat((String) op.body().get("summary")).as(op.name() + " summary")
                .isNotBlank());

        assertThat(ops).filteredOn(op -> op.body().containsKey("requestBody")).isNotEmpty().allSatisfy(op -> {
            Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>)
                    ((Map<String, Object>) op.body().get("requestBody")).get("content");
            assertThat(content).as(op.name() + " request body").isNotEmpty();
            assertThat(content.values()).as(op.name() + " request body example")
                    .allMatch(media -> media.get("example") != null || media.get("examples") != null);
        });

        assertThat(ops).allSatisfy(op -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.body().get("responses");
            List<String> refusals = responses.keySet().stream().filter(code -> code.startsWith("4")).toList();
            assertThat(refusals).as(op.name() + " documents a 4xx").isNotEmpty();
            if (!op.name().contains("/open311/") || refusals.contains("406")) {
                    refusals.stream().filter(code -> !op.name().contains("/open311/") || code.equals("406"))
                        .forEach(code -> assertThat(((Map<String, Object>) responses.get(code).get("content")))
                                .as(op.name() + " " + code + " body").containsKey("application/problem+json"));
            }
        });

        // a protected operation documents 401 and 403; one with an id in its path documents 404
        assertThat(ops).filteredOn(op -> op.body().containsKey("security")).isNotEmpty().allSatisfy(op -> assertThat(
                ((Map<String, Object>) op.body().get("responses")).keySet()).as(op.name()).contains("401", "403"));
        assertThat(ops).filteredOn(op -> op.name().contains("{id}")).allSatisfy(op -> assertThat(
                ((Map<String, Object>) op.body().get("responses")).keySet()).as(op.name()).contains("404"));
        // refusals a method declares are there, in plain words
        assertThat(doc.getString("paths.'/api/requests/{id}/acknowledge'.post.responses.'409'.description"))
                .contains("acknowledged");
        assertThat(doc.getString("paths.'/api/requests'.post.requestBody.content.'application/json'.example.category"))
                .isEqualTo("water-leak");
        assertThat(doc.getMap("components.schemas.Problem.properties")).containsKeys("title", "status", "detail",
                "errors");
        // the deliberation hall is a module of its own (hall/), deployed here: its operations are in this document
        assertThat(ops).extracting(Op::name).contains("POST /api/deliberation/topics",
                "POST /api/deliberation/votes/{id}/ballots", "POST /api/deliberation/meetings");
        assertThat(doc.getString("paths.'/api/deliberation/topics'.post.requestBody.content.'application/json'"
                + ".example.title")).contains("Parking");
    }

    @Test
    void anOperationWithoutInputRefusesAFormatItCannotGiveAsItsDocumentSays() {
        given().accept("application/xml").get("/api/categories").then().statusCode(406);
    }
}
